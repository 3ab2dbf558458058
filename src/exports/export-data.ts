import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../db/audit.ts';
import { InputError, NotFoundError, PermissionError } from '../errors.ts';
import { type Lang, t } from '../i18n/index.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import { FILE_METHOD } from './ids.ts';
import {
  auditRecordedIn,
  batchWithProjects,
  deadlinesDueIn,
  insertGeneratedFile,
  type PrismaClient,
  projectsCreatedIn,
} from './repository.ts';
import { auditTable, batchSelectionTable, deadlinesTable, projectsTable } from './tables.ts';
import { buildCsv, buildXlsx, type ExportTable } from './workbook.ts';

/** Who may export: the working group's staff, its managers and admins (the roles that see contact details on cards). */
export const EXPORT_ROLES = ['staff', 'manager', 'admin'] as const;

/** What `/pilot export` asks for, parsed. */
export type ExportRequest =
  | {
      kind: 'projects' | 'deadlines' | 'audit';
      from: string | null;
      to: string | null;
      format: 'xlsx' | 'csv';
      personal: boolean;
    }
  | { kind: 'batch'; name: string; format: 'xlsx' | 'csv' };

export interface ExportDeps {
  prisma: PrismaClient;
  clock: Clock;
  afterCommit(keys: string[]): void;
}

/** What the requester is told at once; the file follows in their DM. */
export interface ExportSummary {
  text: string;
  rows: number;
  filename: string;
  fileId: string;
}

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A period of Shanghai days as instants: from the first day's midnight to the midnight after the last. */
function instants(from: string | null, to: string | null) {
  return {
    from: from ? new Date(`${from}T00:00:00+08:00`) : null,
    until: to ? new Date(`${nextDay(to)}T00:00:00+08:00`) : null,
  };
}

/** The same period for calendar-date columns (stored at UTC midnight). */
function calendarDays(from: string | null, to: string | null) {
  return {
    from: from ? new Date(`${from}T00:00:00Z`) : null,
    until: to ? new Date(`${nextDay(to)}T00:00:00Z`) : null,
  };
}

function rangeText(lang: Lang, from: string | null, to: string | null): string {
  if (from && to) return t(lang, 'export.range.between', { from, to });
  if (from) return t(lang, 'export.range.from', { from });
  if (to) return t(lang, 'export.range.until', { to });
  return t(lang, 'export.range.all');
}

function stamp(at: Date): { file: string; text: string } {
  const s = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return {
    file: `${s.slice(0, 10).replaceAll('-', '')}-${s.slice(11, 16).replace(':', '')}`,
    text: `${s.slice(0, 10)} ${s.slice(11, 16)}`,
  };
}

async function tableFor(
  deps: ExportDeps,
  request: ExportRequest,
  lang: Lang,
): Promise<{ table: ExportTable; what: string; range: string; personal: boolean; slug: string }> {
  if (request.kind === 'batch') {
    const found = await batchWithProjects(deps.prisma, request.name);
    if (!found) throw new NotFoundError('export.batchNotFound', { name: request.name });
    return {
      table: batchSelectionTable(found.projects, lang),
      what: t(lang, 'export.what.batch', { name: found.batch.name }),
      range: `${found.batch.opensOn.toISOString().slice(0, 10)} – ${found.batch.closesOn.toISOString().slice(0, 10)}`,
      personal: false,
      slug: 'batch',
    };
  }
  const { from, to, personal } = request;
  const range = rangeText(lang, from, to);
  switch (request.kind) {
    case 'projects':
      return {
        table: projectsTable(await projectsCreatedIn(deps.prisma, instants(from, to)), lang, personal),
        what: t(lang, 'export.what.projects'),
        range,
        personal,
        slug: 'projects',
      };
    case 'deadlines':
      return {
        table: deadlinesTable(await deadlinesDueIn(deps.prisma, calendarDays(from, to)), lang),
        what: t(lang, 'export.what.deadlines'),
        range,
        personal: false,
        slug: 'deadlines',
      };
    case 'audit':
      return {
        table: auditTable(await auditRecordedIn(deps.prisma, instants(from, to)), lang, personal),
        what: t(lang, 'export.what.audit'),
        range,
        personal,
        slug: 'audit',
      };
  }
}

/**
 * Generates an export (.xlsx, or CSV on request) and sends it to the requester's DM through the outbox. The file, its
 * audit row (who, what, which period, whether with personal data, the file's SHA-256) and its outbox message are
 * written in one transaction; personal data only for an admin who asked for it.
 */
export async function exportData(
  deps: ExportDeps,
  actor: UserActor,
  lang: Lang,
  request: ExportRequest,
): Promise<ExportSummary> {
  if (!holdsAny(actor.roles, EXPORT_ROLES)) throw new PermissionError('export.permission');
  const askedPersonal = request.kind !== 'batch' && request.personal;
  if (askedPersonal && !holdsAny(actor.roles, ['admin'])) throw new PermissionError('export.personalPermission');
  if (request.kind !== 'batch' && request.from && request.to && request.from > request.to)
    throw new InputError('export.rangeReversed', { from: request.from, to: request.to });
  const now = deps.clock.now();
  const { table, what, range, personal, slug } = await tableFor(deps, request, lang);
  const bytes = request.format === 'csv' ? await buildCsv(table) : await buildXlsx(table);
  const at = stamp(now);
  const filename = `pilotdesk-${slug}-${at.file}.${request.format}`;
  const personalText = t(lang, personal ? 'export.personal.included' : 'export.personal.excluded');
  const rows = table.rows.length;
  const fileId = randomUUID();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = `file:${fileId}`;
  await deps.prisma.$transaction(async (tx) => {
    await insertGeneratedFile(tx, {
      id: fileId,
      requesterId: actor.userId,
      kind: request.kind,
      format: request.format,
      filename,
      title: what,
      comment: t(lang, 'export.comment', { what, rows, range, personal: personalText, at: at.text }),
      mimeType: MIME[request.format],
      size: bytes.byteLength,
      sha256,
      bytes,
    });
    await recordAudit(tx, {
      actorKind: 'user',
      actorId: actor.userId,
      actorRoles: actor.roles,
      eventType: 'export.generated',
      payload: {
        kind: request.kind,
        format: request.format,
        ...(request.kind === 'batch' ? { batch: request.name } : { from: request.from, to: request.to }),
        personalData: personal,
        rows,
        fileId,
        filename,
        sha256,
      },
      recordedAt: now,
    });
    // Due at the programme's clock, not the database's (the two differ in the sandbox and in tests).
    await enqueueMessages(tx, [{ key, method: FILE_METHOD, args: { fileId }, notBefore: now }]);
  });
  deps.afterCommit([key]);
  return {
    text: t(lang, 'export.queued', { what, rows, range, personal: personalText, filename }),
    rows,
    filename,
    fileId,
  };
}
