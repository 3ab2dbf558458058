import { labels } from '../../machines/shared/labels.ts';
import { type Lang, type MessageKey, t } from './index.ts';

/** Labels of audit events the application records itself (not machine events), e.g. in a card's timeline. */
const APP_LABELS: Record<string, MessageKey> = {
  'event.project.created': 'event.project.created',
  'event.deadline.extended': 'event.deadline.extended',
  'event.deadline.snoozed': 'event.deadline.snoozed',
  'event.deadline.reassigned': 'event.deadline.reassigned',
  'event.deadline.acknowledged': 'event.deadline.acknowledged',
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
