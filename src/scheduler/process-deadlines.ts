import { setImmediate } from 'node:timers/promises';
import { nextDeliveryInstant, type WorkingCalendar } from '../calendar/index.ts';
import { fixedClock } from '../clock.ts';
import type { Deadline, PrismaClient } from '../db/client.ts';
import { currentPlan, dateOf, isPreDue } from '../deadlines/replan.ts';
import { nextPlannedStep, type PlannedStep } from '../deadlines/steps.ts';
import { UserFacingError } from '../errors.ts';
import type { Lang } from '../i18n/index.ts';
import type { OutboxItem } from '../outbox/enqueue-messages.ts';
import { applyEvent } from '../runtime/apply-event.ts';
import type { RuntimeHooks } from '../runtime/types.ts';
import { advanceSteps, type StepWrite } from './advance-steps.ts';
import { type ClaimedDeadline, claimDueDeadlines, releaseDeadlines, SCHEDULER_POLICY } from './claim-deadlines.ts';
import { consequenceOf } from './consequences.ts';
import { type StepRow, stepMessage } from './step-message.ts';

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
type Row = StepRow;
type Outcome = 'messages' | 'dropped' | 'missed' | 'consequence' | 'skipped';
/** A step worked out and ready to write, with what it counts as once written. */
type Planned = { write: StepWrite; outcome: Exclude<Outcome, 'skipped'> };

/** What one pass looks up once and reuses: recipients' languages and the managers' channels. */
interface PassLookups {
  lang(recipient: string): Promise<Lang>;
  managerChannels(): Promise<string[]>;
}

/**
 * Processes every deadline step due at `now`: claim a batch (leased, one statement), read its rows in one query,
 * work out every step in memory and write the batch's steps with their outbox messages in one statement. Projects
 * with a consequence due go through applyEvent, a few side by side, each project's steps in claim order. A step that
 * fails is given back when the pass ends, so the next tick retries it instead of waiting out the lease. Repeats until nothing is due.
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
  // Failed steps are given back when the pass ends, not at once: this pass must not claim them again and loop.
  const giveBack: ClaimedDeadline[] = [];
  const failed = (steps: ClaimedDeadline[], error: unknown) => {
    report.failed += steps.length;
    giveBack.push(...steps);
    deps.onError?.(error);
  };
  const lookups = passLookups(deps);
  try {
    for (;;) {
      const claimed = await claimDueDeadlines(deps.prisma, now, SCHEDULER_POLICY.batchSize, deps.leaseMs);
      if (claimed.length === 0) return report;
      if (!(await processBatch(deps, lookups, claimed, now, count, failed))) return report;
      // A backlog is many batches: between two, the requests that arrived meanwhile get the event loop first, so
      // their acknowledgements do not wait for the whole backlog (decision 021).
      await setImmediate();
    }
  } finally {
    await releaseDeadlines(deps.prisma, giveBack, now, deps.leaseMs).catch((e: unknown) => deps.onError?.(e));
  }
}

/** One claimed batch; false when the database failed so badly that the rest is left to the next tick. */
async function processBatch(
  deps: DeadlineSchedulerDeps,
  lookups: PassLookups,
  claimed: ClaimedDeadline[],
  now: Date,
  count: (outcome: Outcome) => void,
  failed: (steps: ClaimedDeadline[], error: unknown) => void,
): Promise<boolean> {
  let rows: Map<string, Row>;
  try {
    rows = await readRows(deps.prisma, claimed);
  } catch (error) {
    failed(claimed, error);
    return false;
  }
  // Projects with a consequence due run through applyEvent, which may close the project's other deadlines, so
  // their steps go one after the other; every other step is independent of the rest and is written in one go.
  const withConsequence = new Set(
    claimed.filter((c) => c.nextStep === 'due' && consequenceFor(rows.get(c.id))).map((c) => c.projectId),
  );
  const plain = claimed.filter((c) => !withConsequence.has(c.projectId));
  try {
    const planned = await Promise.all(plain.map((c) => planStep(deps, lookups, c, rows.get(c.id) ?? null, now)));
    const writes = plain.flatMap((c, i) => (planned[i] ? [{ claimed: c, ...planned[i] }] : []));
    const moved = await advanceSteps(
      deps.prisma,
      writes.map((w) => w.write),
    );
    for (const w of writes) count(moved.has(w.claimed.id) ? w.outcome : 'skipped');
  } catch (error) {
    failed(plain, error);
  }
  const byProject = new Map<string, ClaimedDeadline[]>();
  for (const c of claimed.filter((c) => withConsequence.has(c.projectId)))
    byProject.set(c.projectId, [...(byProject.get(c.projectId) ?? []), c]);
  await eachLimited([...byProject.values()], SCHEDULER_POLICY.concurrency, async (steps) => {
    for (const c of steps) {
      try {
        count(await stepOneByOne(deps, lookups, c, rows.get(c.id) ?? null, now));
      } catch (error) {
        failed([c], error);
      }
    }
  });
  return true;
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

/** Languages and the managers' channels, each asked once per pass (a backlog names the same people many times). */
function passLookups(deps: DeadlineSchedulerDeps): PassLookups {
  const langs = new Map<string, Promise<Lang>>();
  let channels: Promise<string[]> | undefined;
  return {
    lang(recipient) {
      let lang = langs.get(recipient);
      if (!lang) {
        lang = deps.langFor ? deps.langFor(recipient) : Promise.resolve('zh-CN');
        // A failed lookup is not remembered: the step fails, and the next one asks again.
        lang.catch(() => langs.delete(recipient));
        langs.set(recipient, lang);
      }
      return lang;
    },
    managerChannels() {
      channels ??= deps.prisma.digestSubscription
        .findMany({ select: { channelId: true }, orderBy: { channelId: 'asc' } })
        .then((subs) => subs.map((s) => s.channelId));
      return channels;
    },
  };
}

function consequenceFor(row: Row | undefined) {
  return row ? consequenceOf(row.kind, row.project.machine) : undefined;
}

/** Runs `fn` over `items` with at most `limit` running at once; resolves when all have settled. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Works out a step without writing it: its marks, the ladder's next step and its messages; null when not to take. */
async function planStep(
  deps: DeadlineSchedulerDeps,
  lookups: PassLookups,
  claimed: ClaimedDeadline,
  row: Row | null,
  now: Date,
): Promise<Planned | null> {
  if (!row || !OPEN.includes(row.status) || row.nextStep !== claimed.nextStep) return null;
  const plan = currentPlan(row, deps.calendar);
  const step = claimed.nextStep;
  const planned = plan.find((s) => s.step === step) ?? { step, at: claimed.nextStepAt.toISOString(), urgent: false };
  const late = now.getTime() - Date.parse(planned.at) > SCHEDULER_POLICY.lateAfterMs;
  const marks = [step, ...(late ? [`late:${step}`] : [])];
  const write = (m: string[], messages: OutboxItem[], missed = false): StepWrite => ({
    row,
    marks: m,
    next: nextOf(row, plan, m),
    missed,
    messages,
  });
  const to = async (recipients: string[]) =>
    Promise.all(
      recipients.map(async (r) => stepMessage(deps.calendar, row, r, await lookups.lang(r), planned, now, late)),
    );

  if (isPreDue(step)) {
    // After downtime a reminder is worth nothing once the due instant passed (the ladder takes over), and an older
    // reminder gives way to a newer one that is also due: people get the nearest wording once, never a burst.
    const superseded = plan.some((s) => isPreDue(s.step) && s.at > planned.at && Date.parse(s.at) <= now.getTime());
    if (row.dueAt.getTime() <= now.getTime() || superseded)
      return { write: write([step, `dropped:${step}`], []), outcome: 'dropped' };
    return { write: write(marks, await to([row.responsibleUserId ?? row.project.ownerId])), outcome: 'messages' };
  }
  if (step === 'due') return { write: write(marks, [], true), outcome: 'missed' };
  if (step === 'escalation:owner') return { write: write(marks, await to([row.project.ownerId])), outcome: 'messages' };
  if (step === 'escalation:managers' && row.clock !== 'csrc') {
    // Managers read the channels subscribed to the digest; without one, the project's own channel.
    const subs = await lookups.managerChannels();
    const channels = subs.length > 0 ? subs : [row.project.channelId ?? row.project.ownerId];
    return { write: write(marks, await to(channels)), outcome: 'messages' };
  }
  // A step this version does not know (or the CSRC's clock reaching managers): record it and move on.
  return { write: write(marks, []), outcome: 'dropped' };
}

function nextOf(row: Row, plan: PlannedStep[], marks: string[]): StepWrite['next'] {
  const next = nextPlannedStep(plan, [...row.stepsDone, ...marks]);
  return next ? { step: next.step, at: next.at } : null;
}

/** A step of a project with a consequence due: that consequence through applyEvent, any other step on its own. */
async function stepOneByOne(
  deps: DeadlineSchedulerDeps,
  lookups: PassLookups,
  claimed: ClaimedDeadline,
  row: Row | null,
  now: Date,
): Promise<Outcome> {
  const consequence = claimed.nextStep === 'due' ? consequenceFor(row ?? undefined) : undefined;
  if (row && consequence && OPEN.includes(row.status) && row.nextStep === 'due') return due(deps, claimed, row, now);
  const planned = await planStep(deps, lookups, claimed, row, now);
  if (!planned) return 'skipped';
  return (await advanceSteps(deps.prisma, [planned.write])).has(row!.id) ? planned.outcome : 'skipped';
}

/** due with a consequence: the machine's event first (idempotently), then the row is marked missed if still open. */
async function due(deps: DeadlineSchedulerDeps, claimed: ClaimedDeadline, row: Row, now: Date): Promise<Outcome> {
  const consequence = consequenceFor(row)!;
  const plan = currentPlan(row, deps.calendar);
  const at = plan.find((s) => s.step === 'due')?.at ?? claimed.nextStepAt.toISOString();
  const late = now.getTime() - Date.parse(at) > SCHEDULER_POLICY.lateAfterMs;
  const marks = ['due', ...(late ? ['late:due'] : [])];
  try {
    const applied = await applyEvent(
      { prisma: deps.prisma, clock: fixedClock(now), afterCommit: () => {}, onError: deps.onError, hooks: deps.hooks },
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
  const after: Deadline | null = await deps.prisma.deadline.findUnique({ where: { id: row.id } });
  if (after && !OPEN.includes(after.status)) {
    await deps.prisma.deadline.update({ where: { id: row.id }, data: { stepsDone: { push: marks } } });
    return 'consequence';
  }
  const write: StepWrite = { row, marks, next: nextOf(row, plan, marks), missed: true, messages: [] };
  return (await advanceSteps(deps.prisma, [write])).has(row.id) ? 'consequence' : 'skipped';
}
