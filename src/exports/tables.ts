import { catalogs, type Lang, type MessageKey, t } from '../i18n/index.ts';
import { machineLabel, stageLabel } from '../i18n/labels.ts';
import type { AuditEvent, Deadline, Project } from './repository.ts';
import type { Cell, ColumnType, ExportTable, SheetColumn } from './workbook.ts';

/** A column of an export: its catalog name (export.col.X / export.desc.X), format, width and whether it is personal. */
interface ColumnSpec<Row> {
  name: string;
  type: ColumnType;
  width: number;
  /** Personal data of contact people: only in an admin's export that asked for it. */
  personal?: boolean;
  value(row: Row, lang: Lang): Cell;
}

interface Applicant {
  name?: string;
  uscc?: string;
  lead?: boolean;
  institutionType?: string;
}

/** The machine context a table reads (applicants, batch, decisions), from a stored snapshot. */
function contextOf(project: { snapshot: unknown }): {
  applicants: Applicant[];
  decisions: Array<{ kind?: string; confirmedAt?: string }>;
} {
  const ctx = (project.snapshot as { context?: Record<string, unknown> } | null)?.context ?? {};
  return {
    applicants: Array.isArray(ctx.applicants) ? (ctx.applicants as Applicant[]) : [],
    decisions: Array.isArray(ctx.decisions) ? (ctx.decisions as Array<{ kind?: string; confirmedAt?: string }>) : [],
  };
}

function leadOf(project: { snapshot: unknown }): Applicant | undefined {
  const { applicants } = contextOf(project);
  return applicants.find((a) => a.lead) ?? applicants[0];
}

function intakeText(project: Project, field: string): string | null {
  const value = (project.intake as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

function trackLabel(lang: Lang, track: string): string {
  return t(lang, track === 'coaching' ? 'card.track.coaching' : 'card.track.pilot');
}

type ProjectRow = Project & { batchName: string | null };

const PROJECT_COLUMNS: ColumnSpec<ProjectRow>[] = [
  { name: 'ref', type: 'text', width: 14, value: (p) => p.ref },
  { name: 'track', type: 'text', width: 10, value: (p, lang) => trackLabel(lang, p.track) },
  { name: 'title', type: 'text', width: 40, value: (p) => p.title },
  { name: 'stage', type: 'text', width: 28, value: (p, lang) => stageLabel(lang, p.machine, p.stage) },
  { name: 'batch', type: 'text', width: 16, value: (p) => p.batchName },
  { name: 'lead', type: 'text', width: 32, value: (p) => leadOf(p)?.name ?? null },
  { name: 'leadUscc', type: 'text', width: 22, value: (p) => leadOf(p)?.uscc || null },
  {
    name: 'applicants',
    type: 'text',
    width: 60,
    value: (p) =>
      [...contextOf(p).applicants]
        .sort((a, b) => Number(Boolean(b.lead)) - Number(Boolean(a.lead)))
        .map((a) => (a.uscc ? `${a.name}（${a.uscc}）` : (a.name ?? '')))
        .join('；') || null,
  },
  { name: 'owner', type: 'text', width: 14, value: (p) => p.ownerId },
  { name: 'createdAt', type: 'datetime', width: 18, value: (p) => p.createdAt },
  { name: 'updatedAt', type: 'datetime', width: 18, value: (p) => p.updatedAt },
  { name: 'contactName', type: 'text', width: 14, personal: true, value: (p) => intakeText(p, 'contactName') },
  { name: 'contactPhone', type: 'text', width: 18, personal: true, value: (p) => intakeText(p, 'contactPhone') },
  { name: 'contactEmail', type: 'text', width: 28, personal: true, value: (p) => intakeText(p, 'contactEmail') },
];

type DeadlineRow = Deadline & { project: { ref: string; title: string } };

const DEADLINE_COLUMNS: ColumnSpec<DeadlineRow>[] = [
  { name: 'ref', type: 'text', width: 14, value: (d) => d.project.ref },
  { name: 'title', type: 'text', width: 36, value: (d) => d.project.title },
  { name: 'kind', type: 'text', width: 28, value: (d, lang) => machineLabel(lang, `deadline.${d.kind}`) },
  { name: 'rule', type: 'text', width: 12, value: (d) => d.rule },
  { name: 'clock', type: 'text', width: 16, value: (d, lang) => label(lang, `export.clock.${d.clock}`, d.clock) },
  { name: 'responsible', type: 'text', width: 14, value: (d) => d.responsibleUserId },
  { name: 'dueDate', type: 'date', width: 12, value: (d) => d.dueDate },
  { name: 'dueAt', type: 'datetime', width: 18, value: (d) => d.dueAt },
  {
    name: 'status',
    type: 'text',
    width: 12,
    value: (d, lang) => label(lang, `export.deadlineStatus.${d.status}`, d.status),
  },
  { name: 'closedAt', type: 'datetime', width: 18, value: (d) => d.closedAt },
];

type AuditRow = AuditEvent & { project: { ref: string; machine: string } | null };

/** Keys of audit payloads that hold contact people's personal data, withheld unless an admin asked for it. */
const PERSONAL_KEYS = new Set([
  'contactName',
  'contactPhone',
  'contactEmail',
  'complainant',
  'complainantName',
  'complainantContact',
]);

/** A payload with the personal fields (at any depth) replaced by the catalog's "withheld". */
export function withheld(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withheld(v, text));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, PERSONAL_KEYS.has(k) && v !== null ? text : withheld(v, text)]),
    );
  return value;
}

function stateOf(lang: Lang, row: AuditRow, state: string | null): string | null {
  return state && row.project ? stageLabel(lang, row.project.machine, state) : state;
}

function auditColumns(personal: boolean): ColumnSpec<AuditRow>[] {
  return [
    { name: 'auditId', type: 'number', width: 8, value: (a) => Number(a.id) },
    { name: 'recordedAt', type: 'datetime', width: 18, value: (a) => a.recordedAt },
    { name: 'factDate', type: 'date', width: 12, value: (a) => a.factDate },
    { name: 'ref', type: 'text', width: 14, value: (a) => a.project?.ref ?? null },
    { name: 'actor', type: 'text', width: 14, value: (a, lang) => a.actorId ?? t(lang, 'export.system') },
    { name: 'roles', type: 'text', width: 18, value: (a) => (a.actorRoles ?? []).join(', ') || null },
    { name: 'event', type: 'text', width: 28, value: (a, lang) => machineLabel(lang, `event.${a.eventType}`) },
    { name: 'eventType', type: 'text', width: 24, value: (a) => a.eventType },
    { name: 'fromState', type: 'text', width: 24, value: (a, lang) => stateOf(lang, a, a.fromState) },
    { name: 'toState', type: 'text', width: 24, value: (a, lang) => stateOf(lang, a, a.toState) },
    {
      name: 'payload',
      type: 'text',
      width: 60,
      value: (a, lang) => JSON.stringify(personal ? a.payload : withheld(a.payload, t(lang, 'export.redacted'))),
    },
    { name: 'chain', type: 'text', width: 24, value: (a) => `${a.chain}:${a.chainSeq}` },
    { name: 'rowHash', type: 'text', width: 24, value: (a) => a.rowHash },
  ];
}

/** The screening outcome of a project in a batch (R-APP-3), from its decisions and where it stands. */
function outcomeOf(p: Project): { outcome: 'selected' | 'filteredOut' | 'pending' | 'withdrawn'; on: string | null } {
  const decisions = contextOf(p).decisions;
  const decided = [...decisions].reverse().find((d) => d.kind === 'screeningPass' || d.kind === 'screeningFilterOut');
  const on = decided?.confirmedAt ? decided.confirmedAt.slice(0, 10) : null;
  if (decided?.kind === 'screeningPass') return { outcome: 'selected', on };
  if (decided?.kind === 'screeningFilterOut') return { outcome: 'filteredOut', on };
  return { outcome: p.stage === 'withdrawn' ? 'withdrawn' : 'pending', on: null };
}

const BATCH_COLUMNS: ColumnSpec<Project>[] = [
  { name: 'ref', type: 'text', width: 14, value: (p) => p.ref },
  { name: 'title', type: 'text', width: 40, value: (p) => p.title },
  { name: 'lead', type: 'text', width: 32, value: (p) => leadOf(p)?.name ?? null },
  { name: 'leadUscc', type: 'text', width: 22, value: (p) => leadOf(p)?.uscc || null },
  {
    name: 'institutionType',
    type: 'text',
    width: 24,
    value: (p, lang) => {
      const type = leadOf(p)?.institutionType;
      return type ? machineLabel(lang, `institution.${type}`) : null;
    },
  },
  { name: 'outcome', type: 'text', width: 12, value: (p, lang) => t(lang, `export.outcome.${outcomeOf(p).outcome}`) },
  {
    name: 'decidedOn',
    type: 'date',
    width: 12,
    value: (p) => {
      const on = outcomeOf(p).on;
      return on ? new Date(`${on}T00:00:00Z`) : null;
    },
  },
  { name: 'stage', type: 'text', width: 28, value: (p, lang) => stageLabel(lang, p.machine, p.stage) },
];

function label(lang: Lang, key: string, fallback: string): string {
  // A key built from stored data (a status, a clock) may have no label: the stored value is shown then.
  return key in catalogs[lang] ? t(lang, key as MessageKey) : fallback;
}

function table<Row>(
  lang: Lang,
  sheet: MessageKey,
  specs: ColumnSpec<Row>[],
  rows: readonly Row[],
  personal: boolean,
): ExportTable {
  const kept = specs.filter((c) => personal || !c.personal);
  const columns: SheetColumn[] = kept.map((c) => ({
    header: t(lang, `export.col.${c.name}` as MessageKey),
    description: t(lang, `export.desc.${c.name}` as MessageKey),
    type: c.type,
    width: c.width,
  }));
  return {
    sheetName: t(lang, sheet),
    columns,
    rows: rows.map((r) => kept.map((c) => c.value(r, lang))),
    about: {
      sheetName: t(lang, 'export.sheet.about'),
      column: t(lang, 'export.about.column'),
      description: t(lang, 'export.about.description'),
      format: t(lang, 'export.about.format'),
      formats: {
        text: t(lang, 'export.format.text'),
        number: t(lang, 'export.format.number'),
        date: t(lang, 'export.format.date'),
        datetime: t(lang, 'export.format.datetime'),
      },
    },
  };
}

/** The projects table; contact people's columns only when `personal`. */
export function projectsTable(rows: readonly ProjectRow[], lang: Lang, personal: boolean): ExportTable {
  return table(lang, 'export.sheet.projects', PROJECT_COLUMNS, rows, personal);
}

/** The deadlines table (no personal data in it). */
export function deadlinesTable(rows: readonly DeadlineRow[], lang: Lang): ExportTable {
  return table(lang, 'export.sheet.deadlines', DEADLINE_COLUMNS, rows, false);
}

/** The audit trail; personal fields of payloads withheld unless `personal`. */
export function auditTable(rows: readonly AuditRow[], lang: Lang, personal: boolean): ExportTable {
  return table(lang, 'export.sheet.audit', auditColumns(personal), rows, personal);
}

/** A batch's selection list for the CSRC (R-APP-3): each project with its screening outcome. */
export function batchSelectionTable(rows: readonly Project[], lang: Lang): ExportTable {
  return table(lang, 'export.sheet.batch', BATCH_COLUMNS, rows, false);
}
