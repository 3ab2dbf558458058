import { type AnyMachineSnapshot, transition } from 'xstate';
import type { WorkingCalendar } from '../calendar/index.ts';
import { shanghaiDate } from '../clock.ts';
import type { Prisma } from '../db/client.ts';
import { loadCalendar } from '../deadlines/load-calendar.ts';
import { type DeadlineEffect, syncDeadlines } from '../deadlines/sync-deadlines.ts';
import { InputError, NotFoundError, PermissionError, StaleProjectError } from '../errors.ts';
import { rolesParam, stageParam } from '../i18n/render-error.ts';
import { enqueueMessages } from '../outbox/enqueue-messages.ts';
import { effectMessages, type MachineAction } from './effect-messages.ts';
import { explainRefusal } from './explain-refusal.ts';
import { derivedColumns, machineEntry, restoreSnapshot, statePath } from './machines.ts';
import type { AppliedEvent, ApplyEventDeps, ApplyOptions, EventInput } from './types.ts';

export type { AppliedEvent, ApplyEventDeps, ApplyOptions, EventInput } from './types.ts';

const EFFECT_TYPES = new Set([
  'scheduleDeadline',
  'cancelDeadline',
  'cancelAllDeadlines',
  'notify',
  'produceChecklist',
]);

/**
 * The one path every change takes, whoever causes it (a person, a button, the scheduler): load the project, restore
 * its snapshot, run the machine's pure transition, then in ONE transaction write the snapshot (optimistic version
 * check), the derived columns, the audit row, the outbox rows and the deadline rows; effects run after commit.
 * A write that lost a race is retried once on the fresh snapshot if the event is still allowed.
 */
export async function applyEvent(
  deps: ApplyEventDeps,
  projectId: string,
  input: EventInput,
  options: ApplyOptions = {},
): Promise<AppliedEvent> {
  try {
    return await attempt(deps, projectId, input, false, options);
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    try {
      return await attempt(deps, projectId, input, true, options);
    } catch (again) {
      if (again instanceof VersionConflict)
        throw new StaleProjectError('error.stale', { ref: again.ref, stage: again.stage });
      throw again;
    }
  }
}

class VersionConflict extends Error {
  constructor(
    readonly ref: string,
    readonly stage: string,
  ) {
    super('version conflict');
  }
}

async function attempt(
  deps: ApplyEventDeps,
  projectId: string,
  input: EventInput,
  retry: boolean,
  options: ApplyOptions,
): Promise<AppliedEvent> {
  // The caller's row serves the first attempt only: after a lost race the row is stale by definition.
  const project =
    (!retry && options.loaded?.id === projectId ? options.loaded : null) ??
    (await deps.prisma.project.findUnique({ where: { id: projectId } }));
  if (!project) throw new NotFoundError('error.projectNotFound', { ref: projectId });
  const entry = machineEntry(project.machine);
  const schema = entry.eventSchemas[input.type];
  const info = entry.events[input.type];
  if (!schema || !info) throw new InputError('error.eventUnknown', { event: input.type });
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw (
      options.invalid?.(parsed.error) ??
      new InputError('error.eventInvalid', { event: input.type, detail: summarise(parsed.error) })
    );
  const event = parsed.data as EventInput;

  const snapshot = restoreSnapshot(project.machine, project.machineVersion, project.snapshot);
  if (!snapshot.can(event)) {
    // On the retry after a lost race, the person acted on a project that moved on: say so, and what it is now.
    const stage = stageParam(project.machine, project.stage);
    if (retry) throw new StaleProjectError('error.stale', { ref: project.ref, stage });
    throw refusal(event, info.senders, project.ref, stage, snapshot.context);
  }
  // Checks that need the database (issue 6: the conflict-of-interest gate on every reviewer assignment).
  const today = shanghaiDate(deps.clock.now());
  for (const check of deps.hooks.checks) await check(deps.prisma, { projectId: project.id, event, today });
  const [next, actions] = transition(entry.machine, snapshot as never, event as never) as unknown as [
    AnyMachineSnapshot,
    MachineAction[],
  ];
  if (next.status === 'error') throw new Error(`${project.ref}: the machine failed on ${event.type}`);
  const persisted = entry.machine.getPersistedSnapshot(next);
  const columns = derivedColumns(next);
  const effects = actions.filter((a) => EFFECT_TYPES.has(a.type));
  const from = statePath(snapshot.value);
  const to = statePath(next.value);
  const now = deps.clock.now();
  const version = project.version + 1;

  const result = await deps.prisma.$transaction(async (tx) => {
    const updated = await tx.project.updateMany({
      where: { id: project.id, version: project.version },
      data: {
        snapshot: persisted as unknown as Prisma.InputJsonValue,
        machineVersion: entry.version,
        version,
        stage: columns.stage,
        status: columns.status,
      },
    });
    if (updated.count !== 1) {
      const fresh = await tx.project.findUnique({ where: { id: project.id }, select: { stage: true } });
      throw new VersionConflict(project.ref, stageParam(project.machine, fresh?.stage ?? project.stage));
    }
    // Read once, and only by a change that schedules a deadline or messages a person (most changes do neither).
    let calendarRead: Promise<WorkingCalendar> | undefined;
    const calendar = () => {
      calendarRead ??= loadCalendar(tx);
      return calendarRead;
    };
    const deadlineEffects = effects.filter((a): a is DeadlineEffect & MachineAction =>
      ['scheduleDeadline', 'cancelDeadline', 'cancelAllDeadlines'].includes(a.type),
    );
    const deadlines =
      deadlineEffects.length === 0
        ? []
        : await syncDeadlines(tx, project, deadlineEffects, await calendar(), now, event.actor.kind === 'scheduler');
    const { actor, recordedAt, factDate, type, ...payload } = event;
    await tx.auditEvent.create({
      data: {
        projectId: project.id,
        actorKind: actor.kind,
        actorId: actor.kind === 'user' ? actor.userId : null,
        actorRoles: actor.kind === 'user' ? actor.roles : [],
        eventType: type,
        payload: { ...payload, deadlines } as unknown as Prisma.InputJsonValue,
        fromState: from,
        toState: to,
        machineVersion: entry.version,
        recordedAt: new Date(recordedAt),
        factDate: factDate ? new Date(`${factDate}T00:00:00Z`) : null,
      },
    });
    for (const write of deps.hooks.changeWrites)
      await write(tx, { project: { ...project, version }, event, from, to, context: next.context, now, calendar });
    await options.writeAlso?.(tx, project.id);
    const line = {
      eventType: type,
      actorId: actor.kind === 'user' ? actor.userId : null,
      stage: statePath(next.value),
    };
    const messages = [
      ...(await effectMessages(tx, { ...project, version }, effects, deadlines, { now, calendar }, deps.hooks)),
      ...deps.hooks.changeMessages.flatMap((build) => build(project.id, version, line)),
    ];
    // Due at the change's own instant on the app's clock (not the database's), like everything else it records.
    await enqueueMessages(
      tx,
      messages.map((m) => ({ notBefore: now, ...m })),
    );
    return { deadlines, outboxKeys: messages.map((m) => m.key) };
  });
  deps.afterCommit(result.outboxKeys);
  const applied: AppliedEvent = {
    projectId: project.id,
    ref: project.ref,
    version,
    from,
    to,
    stage: columns.stage,
    status: columns.status,
    deadlines: result.deadlines,
    outboxKeys: result.outboxKeys,
    context: next.context,
  };
  // Follow-ups that are changes of their own (automatic assignment, replacements), each through this same path.
  for (const followUp of deps.hooks.followUps)
    await followUp(deps, applied, event).catch((error) => deps.onError?.(error));
  return applied;
}

/**
 * Why an event is refused, as the error the person sees: their role (PermissionError), else what is missing
 * (explainRefusal), else "not possible at this stage". Shared by applyEvent and the button path.
 */
export function refusal(
  event: Pick<EventInput, 'type' | 'actor'> & { decisionKind?: unknown },
  senders: unknown,
  ref: string,
  stage: string,
  context: unknown,
): PermissionError | InputError {
  const allowedRoles = Array.isArray(senders) ? (senders as string[]) : [];
  const mayByRole =
    senders === 'scheduler'
      ? event.actor.kind === 'scheduler'
      : event.actor.kind === 'user' && event.actor.roles.some((r) => allowedRoles.includes(r));
  if (!mayByRole)
    return new PermissionError('error.permission.event', {
      event: `@event.${event.type}`,
      roles: rolesParam(allowedRoles.length > 0 ? allowedRoles : ['scheduler']),
    });
  const specific = explainRefusal(event, context);
  if (specific) return new InputError(specific.key, { ref, ...specific.params });
  return new InputError('error.eventNotAllowedNow', { event: `@event.${event.type}`, ref, stage });
}

function summarise(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(event)'}: ${i.message}`).join('; ');
}
