import type { AnyMachineSnapshot } from 'xstate';
import type { CoachingContext } from '../../machines/coaching/events.ts';
import type { PilotContext } from '../../machines/pilot/context.ts';
import { marketCorePath } from '../../machines/pilot/guards.ts';
import { sampleCoachingEvents, samplePilotEvents } from '../../machines/samples.ts';
import type { Actor } from '../../machines/shared/actor.ts';
import {
  AT,
  applicant,
  coachedTech,
  DAY,
  ev,
  marketCoreLead,
  reviewer,
  scheduler,
  securitiesLead,
  staffA,
  staffB,
} from '../support/machines.ts';

const REVIEWERS = [1, 2, 3].map((n) => `U_REVIEWER_${n}`);

/** The gate facts that decide which events a pilot state accepts, only where they matter (keeps the graph small). */
export function pilotGates(s: AnyMachineSnapshot) {
  const ctx = s.context as PilotContext;
  const statuses = ctx.assignments.map((a) => a.status);
  return {
    ...(s.matches('intake') && { marketCore: marketCorePath(ctx), coached: ctx.applicants.some((a) => a.coachingRef) }),
    ...(s.matches('screening') && {
      simplified: ctx.simplifiedReview,
      assigned: ['assigned', 'accepted', 'submitted', 'declined'].map((x) => statuses.filter((y) => y === x).length),
    }),
    ...((s.matches('publicNotice') || s.matches('preLaunch')) && {
      undisposed: Object.values(ctx.comments).some((c) => c.disposition === null),
      risk: ctx.riskAssessment?.majorHiddenRisk ?? null,
      commitment: ctx.commitmentReceivedOn !== null,
    }),
    ...(s.matches('piloting') && { sanctionCase: ctx.sanctionCase?.severity ?? null }),
    ...(s.matches('exiting') && { exitDone: ctx.exit?.done.length ?? null }),
    pending: ctx.pending && [ctx.pending.kind, ctx.pending.details.measure ?? null],
  };
}

export const serializePilot = (s: AnyMachineSnapshot) =>
  JSON.stringify({ value: s.value, status: s.status, gates: pilotGates(s) });
export const serializeCoaching = (s: AnyMachineSnapshot) => {
  const ctx = s.context as CoachingContext;
  return JSON.stringify({
    value: s.value,
    status: s.status,
    pending: ctx.pending && [ctx.pending.kind, ctx.pending.proposedBy],
  });
};

// staffA does the work and proposes; staffB only confirms, so the graph does not double by proposer.
const pilotActors = (ctx: PilotContext): Actor[] => {
  const active = ctx.assignments.filter((a) => a.status === 'assigned' || a.status === 'accepted');
  return [staffA, scheduler, ...active.map((a) => reviewer(Number(a.reviewerId.slice(-1))))];
};

const marketCoreIntake = ev('intake.update', staffA, { applicants: [marketCoreLead] });
const coachedIntake = ev('intake.update', staffA, { applicants: [securitiesLead, coachedTech] });
const severe = (severity: string) =>
  ev('sanction.reportedToCsrc', staffA, { factDate: DAY, violation: 'illegalActivity', severity, summary: 's' });
const coachingExpiredSubmit = ev('intake.submit', staffA, {
  factDate: DAY,
  openBatchId: 'B',
  coachingValidOnSubmission: false,
});

/** Events to try in a pilot state: representative events of every actor, plus the variants that open other paths. */
export function pilotEvents(s: AnyMachineSnapshot) {
  const ctx = s.context as PilotContext;
  const reviewerId = REVIEWERS.find((id) => !ctx.assignments.some((a) => a.reviewerId === id));
  const options = { at: AT, ...(reviewerId ? { reviewerId } : {}) };
  const samples = pilotActors(ctx).flatMap((actor) => samplePilotEvents(ctx, actor, options));
  const confirm = ctx.pending ? [ev('decision.confirm', staffB)] : [];
  return [
    ...samples,
    ...confirm,
    marketCoreIntake,
    coachedIntake,
    coachingExpiredSubmit,
    severe('serious'),
    severe('suspectedCrime'),
  ].filter((e) => s.can(e));
}

export function coachingEvents(s: AnyMachineSnapshot) {
  const ctx = s.context as CoachingContext;
  return [staffA, staffB, scheduler]
    .flatMap((actor) => sampleCoachingEvents(ctx, actor, { at: AT }))
    .filter((e) => s.can(e));
}

/** Breadth-first search to the nearest final state, for continuing a restored fixture. */
export function pathToFinal(
  start: AnyMachineSnapshot,
  events: (s: AnyMachineSnapshot) => Array<{ type: string }>,
  serialize: (s: AnyMachineSnapshot) => string,
  step: (s: AnyMachineSnapshot, e: { type: string }) => AnyMachineSnapshot,
): Array<{ type: string }> | null {
  const queue: Array<[AnyMachineSnapshot, Array<{ type: string }>]> = [[start, []]];
  const seen = new Set([serialize(start)]);
  while (queue.length > 0) {
    const [s, path] = queue.shift() as [AnyMachineSnapshot, Array<{ type: string }>];
    if (s.status === 'done') return path;
    for (const e of events(s)) {
      const next = step(s, e);
      const key = serialize(next);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push([next, [...path, e]]);
    }
  }
  return null;
}

export { applicant };
