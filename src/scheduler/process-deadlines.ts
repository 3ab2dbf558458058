import { nextDeliveryInstant, type WorkingCalendar } from '../calendar/index.ts';
import { fixedClock } from '../clock.ts';
import type { Deadline, Prisma, PrismaClient } from '../db/client.ts';
import { stepMessage } from '../deadlines/messages.ts';
import { currentPlan, dateOf, isPreDue, storedSpec } from '../deadlines/replan.ts';
import { nextPlannedStep, type PlannedStep } from '../deadlines/steps.ts';
import { isHourly } from '../deadlines/sync-deadlines.ts';
import { UserFacingError } from '../errors.ts';
import type { Lang } from '../i18n/index.ts';
import { enqueueMessages, type OutboxItem } from '../outbox/enqueue-messages.ts';
import { applyEvent } from '../runtime/apply-event.ts';
import type { RuntimeHooks } from '../runtime/types.ts';
import { type ClaimedDeadline, claimDueDeadlines, SCHEDULER_POLICY } from './claim-deadlines.ts';
import { consequenceOf } from './consequences.ts';

/** What the scheduler needs: the database, the calendar, and the language of each recipient. */
export interface DeadlineSchedulerDeps {
  prisma: PrismaClient;
  calendar: WorkingCalendar;
  /** The areas' hooks for the consequences the scheduler applies (src/wiring). */
  hooks: RuntimeHooks;
  /** Language of a user or channel; zh-CN (the working group's) until preferences are wired. */
  langFor?(recipient: string): Promise<Lang>;
  onError?(error: unknown): void;
  /** How long a claimed row stays this process's (PILOTDESK_CLAIM_LEASE_MS). */
  leaseMs?: number;
}

/** What one pass did, for logs, `npm run tick` and tests. */
export interface DeadlineReport {
  processed: number;
  messages: number;
  dropped: number;
  missed: number;
  consequences: number;
  failed: number;
}

const OPEN = ['open', 'missed'];
type Row = Deadline & {
  project: { id: string; ref: string; title: string; ownerId: string; channelId: string | null; machine: string };
};
type Outcome = 'messages' | 'dropped' | 'missed' | 'consequence' | 'skipped';

/**
 * Processes every deadline step due at `now`: claim a batch (leased), read its rows in one query, then process the
 * batch's projects side by side, a few at a time (SCHEDULER_POLICY.concurrency), each project's steps in claim order.
 * Repeats until nothing is due.
 */
export async function processDueDeadlines(deps: DeadlineSchedulerDeps, now: Date): Promise<DeadlineReport> {
  const report: DeadlineReport = { processed: 0, messages: 0, dropped: 0, missed: 0, consequences: 0, failed: 0 };
  const count = (outcome: Outcome) => {
    if (outcome === 'skipped') return;
    report.processed++;
    if (outcome === 'messages') report.messages++;
    else if (outcome === 'dropped') report.dropped++;
    else if (outcome === 'missed') report.missed++;
    else report.consequences++;
  };
  for (;;) {
    const claimed = await claimDueDeadlines(deps.prisma, now, SCHEDULER_POLICY.batchSize, deps.leaseMs);
    if (claimed.length === 0) return report;
    const rows = await readRows(deps.prisma, claimed);
    // A project's steps stay in order (a consequence may close the project's other deadlines); projects do not
    // depend on one another, so their steps overlap database round trips instead of queueing behind each other.
    const byProject = new Map<string, ClaimedDeadline[]>();
    for (const c of claimed) byProject.set(c.projectId, [...(byProject.get(c.projectId) ?? []), c]);
    await eachLimited([...byProject.values()], SCHEDULER_POLICY.concurrency, async (steps) => {
      for (const c of steps) {
        try {
          count(await processStep(deps, c, rows.get(c.id) ?? null, now));
        } catch (error) {
          // The lease keeps the row out of this pass; it is tried again when the lease runs out.
          report.failed++;
          deps.onError?.(error);
        }
      }
    });
  }
}

/** The claimed rows with their projects, in one query: the lease keeps other schedulers off them meanwhile. */
async function readRows(prisma: PrismaClient, claimed: ClaimedDeadline[]): Promise<Map<string, Row>> {
  const rows = (await prisma.deadline.findMany({
    where: { id: { in: claimed.map((c) => c.id) } },
    include: {
      project: { select: { id: true, ref: true, title: true, ownerId: true, channelId: true, machine: true } },
    },
  })) as Row[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Runs `fn` over `items` with at most `limit` running at once; resolves when all have settled. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Raised inside a step's transaction when the row changed under it (extended, closed): roll the message back. */
class RowMoved extends Error {}

async function processStep(
  deps: DeadlineSchedulerDeps,
  claimed: ClaimedDeadline,
  row: Row | null,
  now: Date,
): Promise<Outcome> {
  if (!row || !OPEN.includes(row.status) || row.nextStep !== claimed.nextStep) return 'skipped';
  const plan = currentPlan(row, deps.calendar);
  const step = claimed.nextStep;
  const planned = plan.find((s) => s.step === step) ?? { step, at: claimed.nextStepAt.toISOString(), urgent: false };
  const late = now.getTime() - Date.parse(planned.at) > SCHEDULER_POLICY.lateAfterMs;
  const marks = [step, ...(late ? [`late:${step}`] : [])];

  if (isPreDue(step)) {
    // After downtime a reminder is worth nothing once the due instant passed (the ladder takes over), and an older
    // reminder gives way to a newer one that is also due: people get the nearest wording once, never a burst.
    const superseded = plan.some((s) => isPreDue(s.step) && s.at > planned.at && Date.parse(s.at) <= now.getTime());
    if (row.dueAt.getTime() <= now.getTime() || superseded) {
      return (await advance(deps.prisma, row, plan, [step, `dropped:${step}`], [])) ? 'dropped' : 'skipped';
    }
    const message = await messageTo(deps, row, row.responsibleUserId ?? row.project.ownerId, planned, now, late);
    return (await advance(deps.prisma, row, plan, marks, [message])) ? 'messages' : 'skipped';
  }
  if (step === 'due') return due(deps, row, plan, marks, now);
  if (step === 'escalation:owner') {
    const message = await messageTo(deps, row, row.project.ownerId, planned, now, late);
    return (await advance(deps.prisma, row, plan, marks, [message])) ? 'messages' : 'skipped';
  }
  if (step === 'escalation:managers' && row.clock !== 'csrc') {
    // Managers read the channels subscribed to the digest; without one, the project's own channel.
    const subs = await deps.prisma.digestSubscription.findMany({
      select: { channelId: true },
      orderBy: { channelId: 'asc' },
    });
    const channels = subs.length > 0 ? subs.map((s) => s.channelId) : [row.project.channelId ?? row.project.ownerId];
    const messages = await Promise.all(channels.map((ch) => messageTo(deps, row, ch, planned, now, late)));
    return (await advance(deps.prisma, row, plan, marks, messages)) ? 'messages' : 'skipped';
  }
  // A step this version does not know (or the CSRC's clock reaching managers): record it and move on.
  return (await advance(deps.prisma, row, plan, marks, [])) ? 'dropped' : 'skipped';
}

/** due: the machine's consequence first (if any, idempotently), then the row is marked missed if still open. */
async function due(deps: DeadlineSchedulerDeps, row: Row, plan: PlannedStep[], marks: string[], now: Date) {
  const consequence = consequenceOf(row.kind, row.project.machine);
  if (consequence) {
    try {
      const applied = await applyEvent(
        {
          prisma: deps.prisma,
          clock: fixedClock(now),
          afterCommit: () => {},
          onError: deps.onError,
          hooks: deps.hooks,
        },
        row.projectId,
        {
          type: consequence.event,
          actor: { kind: 'scheduler' },
          recordedAt: now.toISOString(),
          factDate: dateOf(row.dueDate),
          ...consequence.fields?.(row),
        },
      );
      // The machine's own messages wait for the next working morning like every other (the due instant is midnight).
      await deps.prisma.outboxMessage.updateMany({
        where: { key: { in: applied.outboxKeys }, status: 'pending' },
        data: { nextAttemptAt: new Date(nextDeliveryInstant(now, deps.calendar)) },
      });
    } catch (error) {
      // The project already moved on (someone recorded it, a retry after a crash): the step counts as done.
      if (!(error instanceof UserFacingError)) throw error;
    }
    const after = await deps.prisma.deadline.findUnique({ where: { id: row.id } });
    if (after && !OPEN.includes(after.status)) {
      await deps.prisma.deadline.update({ where: { id: row.id }, data: { stepsDone: { push: marks } } });
      return 'consequence';
    }
  }
  const done = await deps.prisma.$transaction(async (tx) => {
    await tx.deadline.updateMany({
      where: { id: row.id, status: 'open', nextStep: 'due' },
      data: { status: 'missed' },
    });
    return advanceIn(tx, row, plan, marks);
  });
  return done ? (consequence ? 'consequence' : 'missed') : 'skipped';
}

async function messageTo(
  deps: DeadlineSchedulerDeps,
  row: Row,
  recipient: string,
  planned: PlannedStep,
  now: Date,
  late: boolean,
): Promise<OutboxItem> {
  const lang = (await deps.langFor?.(recipient)) ?? 'zh-CN';
  const hourly = isHourly(storedSpec(row));
  const dueDate = dateOf(row.dueDate);
  const message = stepMessage(
    {
      project: row.project,
      deadline: {
        id: row.id,
        kind: row.kind,
        rule: row.rule,
        clock: row.clock,
        dueDate,
        dueAt: row.dueAt.toISOString(),
        hourly,
        responsibleUserId: row.responsibleUserId,
      },
      step: planned.step,
      ...(late ? { lateSince: planned.at } : {}),
      workingDaysLate: Math.max(0, deps.calendar.workingDaysBetween(dueDate, dateOfInstant(now))),
    },
    lang,
  );
  const channelSuffix = planned.step === 'escalation:managers' ? `:${recipient}` : '';
  return {
    // The due date is part of the key: after an extension the ladder starts again with new messages.
    key: `reminder:${row.id}:${planned.step}:${dueDate}${channelSuffix}`,
    method: 'chat.postMessage',
    projectId: row.projectId,
    args: { channel: recipient, ...message },
    // Quiet hours: a person gets it on the next working morning, an incident's at once.
    notBefore: new Date(nextDeliveryInstant(now, deps.calendar, { urgent: planned.urgent })),
  };
}

function dateOfInstant(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Records the step once and moves the ladder on, with its messages, in one transaction; false if the row moved. */
async function advance(prisma: PrismaClient, row: Row, plan: PlannedStep[], marks: string[], messages: OutboxItem[]) {
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await advanceIn(tx, row, plan, marks))) throw new RowMoved();
      await enqueueMessages(tx, messages);
      return true;
    });
  } catch (error) {
    if (error instanceof RowMoved) return false;
    throw error;
  }
}

async function advanceIn(tx: Prisma.TransactionClient, row: Row, plan: PlannedStep[], marks: string[]) {
  const next = nextPlannedStep(plan, [...row.stepsDone, ...marks]);
  const updated = await tx.deadline.updateMany({
    // Unchanged since the batch was read (no extension, snooze or close meanwhile), else the step is not taken.
    where: {
      id: row.id,
      nextStep: row.nextStep,
      status: { in: OPEN },
      dueAt: row.dueAt,
      snoozedUntil: row.snoozedUntil,
    },
    data: { stepsDone: { push: marks }, nextStep: next?.step ?? null, nextStepAt: next ? new Date(next.at) : null },
  });
  return updated.count === 1;
}
