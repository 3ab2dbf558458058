import { InputError, type UserFacingError } from '../errors.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { EventInput } from '../runtime/types.ts';
import { type PrismaClient, periodsOf } from './repository.ts';

function refuse(key: MessageKey, params: Record<string, string | number> = {}): UserFacingError {
  return new InputError(key, params, { periodId: { key, params } });
}

/**
 * Before a `report.received` is applied (R-SUP-1): a periodic report names one of the project's periods that has
 * begun and has no report yet; an ad-hoc report names none. Refused with what to do otherwise; nothing changes.
 */
export async function checkReportPeriod(
  db: PrismaClient,
  change: { projectId: string; event: EventInput; today: string },
): Promise<void> {
  const { event } = change;
  if (event.type !== 'report.received') return;
  const periodId = typeof event.periodId === 'string' ? event.periodId : null;
  if (event.reportKind === 'adHoc') {
    if (periodId) throw refuse('reports.adHocWithPeriod');
    return;
  }
  if (!periodId) throw refuse('reports.periodRequired');
  const period = (await periodsOf(db, change.projectId)).find((p) => p.id === periodId);
  if (period?.state !== 'planned') throw refuse('reports.periodUnknown');
  if (period.report) throw refuse('reports.periodReceived', { received: period.report.receivedOn });
  const day = event.factDate ?? change.today;
  if (period.startsOn > day) throw refuse('reports.periodNotStarted', { starts: period.startsOn });
}
