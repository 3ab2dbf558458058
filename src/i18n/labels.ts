import { labels } from '../../machines/shared/labels.ts';
import { type Lang, type MessageKey, t } from './index.ts';

/** Labels of audit events the application records itself (not machine events), e.g. in a card's timeline. */
const APP_LABELS: Record<string, MessageKey> = {
  'event.project.created': 'event.project.created',
  'event.deadline.extended': 'event.deadline.extended',
  'event.deadline.snoozed': 'event.deadline.snoozed',
  'event.deadline.reassigned': 'event.deadline.reassigned',
  'event.deadline.acknowledged': 'event.deadline.acknowledged',
  'event.incentive.ticked': 'rules.event.incentiveTicked',
  'event.record.edited': 'event.record.edited',
  'event.record.itemOpened': 'event.record.itemOpened',
  'event.record.itemClosed': 'event.record.itemClosed',
  'event.export.generated': 'event.export.generated',
};

// Keys asked for that have no label: a reader is never shown a raw key, and the tests that render every view and
// message in both languages read this list and fail on anything in it.
const unresolved = new Set<string>();

/** The label keys asked for since the process started (or the last reset) that have no label in some language. */
export function unresolvedLabels(reset = false): string[] {
  const keys = [...unresolved].sort();
  if (reset) unresolved.clear();
  return keys;
}

/** A label the machines define (states, events, options, checklist items), in the reader's language. */
export function machineLabel(lang: Lang, key: string): string {
  const app = APP_LABELS[key];
  const label = labels[lang][key] ?? (app ? t(lang, app) : undefined);
  if (label !== undefined) return label;
  unresolved.add(`${lang}:${key}`);
  return t(lang, 'label.unknown');
}

/** The stage label of a project: its stage and, inside it, its current step, e.g. 项目遴选 · 专家评审. */
export function stageLabel(lang: Lang, machine: string, statePath: string): string {
  const first = statePath.split(',')[0] ?? '';
  const [top, ...rest] = first.split('.');
  const topLabel = machineLabel(lang, `state.${machine}.${top}`);
  // "试点运行中 · 整改中": the stage people plan by, then where inside it the project is.
  return rest.length === 0 ? topLabel : `${topLabel} · ${machineLabel(lang, `state.${machine}.${first}`)}`;
}
