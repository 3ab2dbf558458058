import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import { formatDate, formatInstant } from '../../i18n/format.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { RECORDS, type RecordRef } from '../../records/ids.ts';
import type { RecordItem, RecordsList } from '../../records/list-records.ts';
import { truncate } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

const MAX_ITEMS = 20;
const TEXT = 300;

const section = (text: string): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, 3000) },
});
const btn = (
  lang: Lang,
  key: 'records.edit' | 'records.openItem' | 'records.closeItem',
  id: string,
  item: RecordItem,
) => {
  const value: RecordRef = { r: item.id };
  const b: Button = {
    type: 'button',
    text: { type: 'plain_text', text: t(lang, key) },
    action_id: `${id}.${item.key}`,
    value: JSON.stringify(value),
  };
  return b;
};
const txt = (v: unknown) => escapeMrkdwn(truncate(String(v ?? ''), TEXT));
const opt = (lang: Lang, group: string, v: unknown) => machineLabel(lang, `option.${group}.${String(v)}`);
const date = (lang: Lang, d: unknown) => (typeof d === 'string' && d ? formatDate(lang, d) : '—');

/** `/pilot records <ref> [kind]`: each record with its status and due date, and for staff a button to edit it. */
export function recordsListMessage(
  list: RecordsList,
  lang: Lang,
  readerTz?: string,
): { text: string; blocks: KnownBlock[] } {
  const kind = list.kind ? t(lang, `records.kind.${list.kind}` as MessageKey) : t(lang, 'records.all');
  const title = t(lang, 'records.title', { ref: list.ref, title: escapeMrkdwn(list.title), kind });
  const blocks: KnownBlock[] = [section(`*${title}*`)];
  if (list.items.length === 0) {
    blocks.push(section(t(lang, 'records.none')));
    return { text: title, blocks };
  }
  for (const item of list.items.slice(0, MAX_ITEMS)) {
    blocks.push(section(itemText(item, lang, readerTz)));
    if (!list.editor) continue;
    const buttons: Button[] = [btn(lang, 'records.edit', RECORDS.actions.edit, item)];
    if (item.kind === 'finding') buttons.push(btn(lang, 'records.openItem', RECORDS.actions.openItem, item));
    if (item.kind === 'rectification' && item.status === 'open' && item.data.source === 'finding')
      buttons.push(btn(lang, 'records.closeItem', RECORDS.actions.closeItem, item));
    const actions: ActionsBlock = { type: 'actions', block_id: `records.item.${item.key}`, elements: buttons };
    blocks.push(actions);
  }
  if (list.items.length > MAX_ITEMS)
    blocks.push(section(t(lang, 'records.more', { count: list.items.length - MAX_ITEMS })));
  return { text: title, blocks };
}

/** One record as a line or two: what it is, where it stands, what falls due, and whether it ran late. */
export function itemText(item: RecordItem, lang: Lang, readerTz?: string): string {
  const d = item.data;
  const status = t(lang, `records.status.${item.kind}.${item.status}` as MessageKey);
  const head = `*${item.key}* · ${t(lang, `records.kind1.${item.kind}` as MessageKey)} · ${status}`;
  const flags = [
    item.dueDate && item.closedOn === null ? t(lang, 'records.due', { date: formatDate(lang, item.dueDate) }) : '',
    item.late ? t(lang, 'records.late') : '',
    item.overdue ? t(lang, 'records.overdue') : '',
  ].filter(Boolean);
  const lines = [flags.length > 0 ? `${head} · ${flags.join(' · ')}` : head];
  switch (item.kind) {
    case 'inspection':
      lines.push(
        `${opt(lang, 'mode', d.mode)} · ${opt(lang, 'authority', d.authority)} · ${date(lang, d.scheduledFor)}`,
      );
      if (d.findings) lines.push(t(lang, 'records.findings', { text: txt(d.findings) }));
      break;
    case 'finding':
      lines.push(txt(d.text));
      break;
    case 'rectification':
      lines.push(txt(d.requiredChange));
      if (item.parentKey) lines.push(t(lang, 'records.fromFinding', { key: item.parentKey }));
      if (d.evidence)
        lines.push(t(lang, 'records.evidence', { text: txt(d.evidence), date: date(lang, item.closedOn) }));
      break;
    case 'complaint':
      lines.push(txt(d.summary));
      lines.push(
        t(lang, 'records.complaintDates', {
          received: date(lang, item.openedOn),
          acknowledged: date(lang, d.acknowledgedOn) + (d.acknowledgedLate ? t(lang, 'records.lateMark') : ''),
          resolved: date(lang, d.resolvedOn) + (d.resolvedLate ? t(lang, 'records.lateMark') : ''),
        }),
      );
      if (d.outcome) lines.push(t(lang, 'records.outcome', { text: txt(d.outcome) }));
      if (d.compensation) lines.push(t(lang, 'records.compensation', { text: txt(d.compensation) }));
      if (item.personal?.complainantName || item.personal?.complainantContact)
        lines.push(
          t(lang, 'records.complainant', {
            name: txt(item.personal.complainantName ?? '—'),
            contact: txt(item.personal.complainantContact ?? '—'),
          }),
        );
      break;
    case 'incident':
      lines.push(
        `${opt(lang, 'incidentKind', d.incidentKind)} · ${formatInstant(lang, String(d.occurredAt), readerTz)} · ${txt(d.summary)}`,
      );
      lines.push(incidentReports(item, lang));
      lines.push(faultTolerance(item, lang));
      break;
    case 'guidance':
      lines.push(
        `${d.guidanceKind === 'csrcRelayed' ? t(lang, 'records.relayed', { ref: txt(d.noticeRef) }) : opt(lang, 'guidanceKind', d.guidanceKind)} · ${txt(d.summary)}`,
      );
      break;
    case 'sanction':
      lines.push(sanctionText(item, lang));
      break;
  }
  return lines.join('\n');
}

function incidentReports(item: RecordItem, lang: Lang): string {
  const reports = (item.data.reports ?? {}) as Record<string, { on: string; late: boolean } | undefined>;
  return (['first', 'handling', 'final'] as const)
    .map((stage) => {
      const r = reports[stage];
      const label = machineLabel(lang, `option.stage.${stage}`);
      return r
        ? `${label} ${formatDate(lang, r.on)}${r.late ? t(lang, 'records.lateMark') : ''}`
        : `${label} ${t(lang, 'records.pending')}`;
    })
    .join(' · ');
}

/** R-TOL-1: the three facts and the qualification computed from them. */
export function faultTolerance(item: RecordItem, lang: Lang): string {
  const f = item.data.faultTolerance as Record<string, boolean> | null;
  if (!f) return t(lang, 'records.ft.notAssessed');
  const yesNo = (v: boolean | undefined) => t(lang, v ? 'records.yes' : 'records.no');
  return t(lang, item.data.qualifies ? 'records.ft.qualifies' : 'records.ft.notQualifies', {
    loss: yesNo(f.actualInvestorLoss),
    compensated: yesNo(f.lossesCompensated),
    market: yesNo(f.marketStabilityAffected),
  });
}

function sanctionText(item: RecordItem, lang: Lang): string {
  const d = item.data;
  const ft = (d.faultTolerance as Array<{ incidentId: string; assessed: boolean; qualifies: boolean }>).map((f) =>
    t(lang, f.assessed ? (f.qualifies ? 'records.ftQualifies' : 'records.ftNot') : 'records.ftUnassessed', {
      id: f.incidentId,
    }),
  );
  return [
    `${opt(lang, 'measure', d.measure)} · ${opt(lang, 'severity', d.severity)} · ${txt(d.summary)}`,
    t(lang, 'records.sanctionDates', { reported: date(lang, d.reportedOn), decided: date(lang, d.bureauDecisionDate) }),
    t(lang, 'records.allowed', {
      measures: (d.allowedMeasures as string[]).map((m) => opt(lang, 'measure', m)).join('、') || '—',
    }),
    ft.length > 0 ? t(lang, 'records.ftFacts', { facts: ft.join('；') }) : t(lang, 'records.ftNone'),
    t(lang, 'records.twoPerson', { proposer: `<@${d.proposedBy}>`, confirmer: `<@${d.confirmedBy}>` }),
    t(lang, 'records.basis', { rules: (d.legalBasis as string[]).join(', ') }),
  ].join('\n');
}
