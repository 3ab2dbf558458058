import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coachingEventSchemas } from '../../machines/coaching/events.ts';
import { guardLabel } from '../../machines/docs/mermaid.ts';
import { applyMigrations, currentVersion } from '../../machines/migrations.ts';
import { initialPilotContext } from '../../machines/pilot/context.ts';
import { pilotEventSchemas } from '../../machines/pilot/events.ts';
import { sampleCoachingEvents, samplePilotEvents } from '../../machines/samples.ts';
import { hasRole, userIdOf } from '../../machines/shared/actor.ts';
import { eventDate, laterDate, shanghaiDateOf } from '../../machines/shared/events-common.ts';
import { AT, manager, pilotInput, reviewer, scheduler, staffA } from '../support/machines.ts';

const fixtures = (machine: string) => {
  const dir = fileURLToPath(new URL(`./fixtures/${machine}-v1/`, import.meta.url));
  return readdirSync(dir).map((f) => JSON.parse(readFileSync(`${dir}${f}`, 'utf8')).snapshot.context);
};

describe('representative events', () => {
  it('every representative event is a valid event of its machine, in every fixture state and for every actor', () => {
    for (const ctx of fixtures('pilot')) {
      for (const actor of [staffA, manager, reviewer(1), scheduler]) {
        const events = samplePilotEvents(ctx, actor, { at: AT, reviewerId: 'U_NEW' });
        expect(new Set(events.map((e) => e.type))).toEqual(new Set(Object.keys(pilotEventSchemas)));
        for (const e of events) {
          const parsed = (
            pilotEventSchemas as Record<string, { safeParse: (v: unknown) => { success: boolean; error?: unknown } }>
          )[e.type]?.safeParse(e);
          expect(parsed?.success, `${e.type}: ${JSON.stringify(parsed?.error)}`).toBe(true);
        }
      }
    }
    for (const ctx of fixtures('coaching')) {
      const events = sampleCoachingEvents(ctx, staffA, { at: AT });
      expect(new Set(events.map((e) => e.type))).toEqual(new Set(Object.keys(coachingEventSchemas)));
      for (const e of events) {
        const schema = (coachingEventSchemas as Record<string, { safeParse: (v: unknown) => { success: boolean } }>)[
          e.type
        ];
        expect(schema?.safeParse(e).success, e.type).toBe(true);
      }
    }
  });

  it('picks the open item to act on and dates after the facts guards compare with', () => {
    const ctx = {
      ...initialPilotContext(pilotInput()),
      comments: {
        a: { loggedOn: 'x', summary: 's', disposition: 'd' },
        b: { loggedOn: 'x', summary: 's', disposition: null },
      },
      complaints: {
        k1: { receivedOn: 'x', acknowledgedOn: 'y', resolvedOn: 'z' },
        k2: { receivedOn: 'x', acknowledgedOn: 'y', resolvedOn: null },
        k3: { receivedOn: 'x', acknowledgedOn: null, resolvedOn: null },
      },
      inspections: {
        i1: { authority: 'a', mode: 'm', scheduledFor: 'd', findingsOn: 'd' },
        i2: { authority: 'a', mode: 'm', scheduledFor: 'd', findingsOn: null },
      },
      commitmentReceivedOn: '2030-01-01',
      sanctionCase: { reportedOn: '2031-01-01', violation: 'v', severity: 'minor' as const, summary: 's' },
      exit: {
        mode: 'voluntary' as const,
        startedOn: 'd',
        reason: 'r',
        done: ['investorsNotified' as const],
        closedOn: null,
      },
      applicants: [{ ...pilotInput().applicants![0]!, coachingRef: 'C' }],
    };
    const events = samplePilotEvents(ctx, staffA, { at: AT });
    const find = (type: string) => events.filter((e) => e.type === type) as Array<Record<string, unknown>>;
    expect(find('notice.commentDisposed')[0]?.commentId).toBe('b');
    expect(find('notice.commentLogged')[0]?.commentId).toBe('comment-3');
    expect(find('complaint.resolved')[0]?.complaintId).toBe('k2');
    expect(find('complaint.acknowledged')[0]?.complaintId).toBe('k3');
    expect(find('complaint.logged')[0]?.complaintId).toBe('complaint-4');
    expect(find('inspection.findingsRecorded')[0]?.inspectionId).toBe('i2');
    expect(find('launch.announced')[0]?.factDate).toBe('2030-01-01');
    expect(
      find('decision.propose')
        .filter((e) => e.decisionKind === 'sanction')
        .map((e) => e.bureauDecisionDate),
    ).toEqual(Array(5).fill('2031-01-01'));
    expect(find('exit.checklistItemDone')[0]?.item).toBe('investorClaimsSettled');
    expect(find('intake.submit').map((e) => e.coachingValidOnSubmission)).toEqual([true, true]);
    expect(find('review.assigned')[0]?.reviewerId).toBe('representative-reviewer');
    expect(find('incident.reportReceived')[0]?.incidentId).toBe('-');
  });
});

describe('small pure helpers', () => {
  it('dates: the fact date wins, else the Shanghai date of the recording instant; the later of two dates', () => {
    expect(shanghaiDateOf('2024-03-01T16:30:00Z')).toBe('2024-03-02');
    expect(shanghaiDateOf('2024-03-01T15:59:59Z')).toBe('2024-03-01');
    expect(() => shanghaiDateOf('soon')).toThrow('not an instant: soon');
    expect(eventDate({ recordedAt: '2024-03-01T16:30:00Z' })).toBe('2024-03-02');
    expect(eventDate({ recordedAt: '2024-03-01T16:30:00Z', factDate: '2024-02-01' })).toBe('2024-02-01');
    expect(laterDate(null, '2024-01-01')).toBe('2024-01-01');
    expect(laterDate('2024-02-01', '2024-01-01')).toBe('2024-02-01');
    expect(laterDate('2024-01-01', '2024-02-01')).toBe('2024-02-01');
    expect(laterDate('2024-01-01', '2024-01-01')).toBe('2024-01-01');
  });

  it('actors: the scheduler has no user id and no role', () => {
    expect(userIdOf(scheduler)).toBeNull();
    expect(hasRole(scheduler, 'staff')).toBe(false);
    expect(userIdOf(staffA)).toBe('U_STAFF_A');
    expect(hasRole(manager, 'manager')).toBe(true);
  });

  it('migrations chain step by step and refuse a gap', () => {
    const steps = {
      1: (s: Record<string, unknown>) => ({ ...s, v2: true }),
      2: (s: Record<string, unknown>) => ({ ...s, v3: true }),
    };
    expect(applyMigrations(steps, 1, 3, { a: 1 })).toEqual({ a: 1, v2: true, v3: true });
    expect(applyMigrations(steps, 2, 3, { a: 1 })).toEqual({ a: 1, v3: true });
    expect(applyMigrations(steps, 3, 3, { a: 1 })).toEqual({ a: 1 });
    expect(() => applyMigrations({}, 1, 2, {})).toThrow('no migration from version 1');
    expect(currentVersion('pilot')).toBe(1);
    expect(currentVersion('coaching')).toBe(1);
  });

  it('guard labels in diagrams', () => {
    expect(guardLabel(undefined)).toBe('');
    expect(guardLabel('authorised')).toBe('authorised');
    expect(guardLabel({ type: 'canPropose' })).toBe('canPropose');
    expect(guardLabel({ type: 'dyn', params: () => ({}) })).toBe('dyn');
    expect(guardLabel({ type: 'canPropose', params: { kinds: ['a', 'b'], stage: 'initial' } })).toBe(
      'canPropose(a|b, initial)',
    );
  });

  it('a new pilot context starts empty apart from its input', () => {
    expect(initialPilotContext(pilotInput({ applicants: [] }))).toEqual({
      ref: 'P-1',
      track: 'pilot',
      title: 'Pilot',
      ownerId: null,
      applicants: [],
      materials: ['projectPlan', 'riskAssessment', 'emergencyPlan', 'exitPlan', 'investorProtection'],
      technologies: [],
      eligibility: {
        eligible: false,
        reasons: [{ rule: 'R-ELIG-3', ok: false, key: 'elig.applicants.none', params: {} }],
      },
      reviewersRequired: { standard: 3, simplified: 1 },
      submittedOn: null,
      batchId: null,
      deferrals: [],
      path: null,
      simplifiedReview: false,
      coachingValidOnSubmission: null,
      assignments: [],
      reviewOverride: null,
      reviews: [],
      infoRequests: [],
      pending: null,
      decisions: [],
      csrc: { forwardedOn: null, letterDate: null, outcome: null, letterRef: null },
      notice: { publishedOn: null, closedOn: null },
      comments: {},
      planRevisions: [],
      riskAssessment: null,
      commitmentReceivedOn: null,
      launchDate: null,
      periodicReports: 0,
      reports: [],
      inspections: {},
      guidance: [],
      complaints: {},
      incidents: {},
      evaluations: [],
      rectification: null,
      sanctionCase: null,
      sanctions: [],
      support: [],
      exit: null,
    });
  });
});
