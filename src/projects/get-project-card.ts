import { type AvailableAction, availableActions } from '../../machines/available-actions.ts';
import type { Assignment, Review } from '../../machines/pilot/context.ts';
import { FULL_CRITERIA, SIMPLIFIED_CRITERIA } from '../../machines/pilot/events.ts';
import type { Actor } from '../../machines/shared/actor.ts';
import { batchName } from '../batches/repository.ts';
import { type CardChecklist, cardChecklist } from '../checklists/card-checklist.ts';
import { incentiveTicks } from '../checklists/repository.ts';
import { openDeadlinesOf } from '../deadlines/repository.ts';
import { type RecordsSummary, summariseRecords } from '../records/list-records.ts';
import { afterConversionRecordActions } from '../records/record-after-conversion.ts';
import { type ReportsCardSummary, reportsCardSummary } from '../reports/card-summary.ts';
import { type ReviewPanel, reviewPanel } from '../review/review-panel.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { machineEntry, restoreSnapshot, statePath } from '../runtime/machines.ts';
import { isDirectDecision } from './event-facts.ts';
import { CONVERTED_STAGE, SUPPORT_EVENT, supportFields } from './record-support.ts';
import { latestAudit, type PrismaClient, requireProject } from './repository.ts';

/** Everything a project card shows, read in one go; plain data for the pure card builder. */
export interface ProjectCardData {
  id: string;
  ref: string;
  track: string;
  title: string;
  version: number;
  machine: string;
  stage: string;
  statePath: string;
  status: string;
  ownerId: string;
  channelId: string | null;
  applicants: Array<{ name: string; lead: boolean; institutionType: string }>;
  materials: { present: string[]; missing: string[] };
  batchId: string | null;
  /** The batch's name as staff gave it; the id is never shown to people. */
  batchName: string | null;
  pending: { kind: string; proposedBy: string } | null;
  openComments: number;
  /** The public comment register (R-APP-5): every comment with its source, risk flag and disposition. */
  comments: Array<{
    id: string;
    source: string;
    summary: string;
    raisesRisk: boolean;
    dispositionKind: string | null;
    disposition: string | null;
  }>;
  deadlines: Array<{
    id: string;
    kind: string;
    dueDate: string;
    dueAt: string;
    status: string;
    responsibleUserId: string | null;
    clock: string;
    /** Years counted without the official schedule: the date carries ※ (issue 13). */
    unknownYears?: number[];
  }>;
  /** R-SUP-1: the next report period due and the missing or late ones; null before launch. */
  reports?: ReportsCardSummary | null;
  timeline: Array<{ eventType: string; actorId: string | null; recordedAt: string; toState: string | null }>;
  /** `direct`: taken from the button after a confirm dialog, without a form (a decision with nothing required). */
  actions: Array<AvailableAction & { direct?: boolean }>;
  /** Issue 6: the screening reviews as this viewer may see them (pilot projects with reviewers only). */
  review: ReviewPanel | null;
  /** R-EXIT-6 while exiting, R-INC-1 once converted: the checklist with who ticked what and when. */
  checklist: CardChecklist | null;
  /** Issue 13: the supervision records counted per kind (open, late); no text, so it may go to any channel. */
  records?: RecordsSummary;
  /** Personal data: only present when the viewer is working-group staff (or a manager or admin). */
  contact: { name: string; phone: string; email: string } | null;
}

const SEES_PERSONAL_DATA = ['staff', 'manager', 'admin'];
/** The user id the channel card's actions are computed for: nobody in particular, so no identity rule favours one. */
export const CHANNEL_VIEWER_ID = 'U0CHANNEL';
// The channel card carries what working-group staff may do; a press is re-checked for the person who pressed.
const CHANNEL_ROLES = ['staff'] as const;

/**
 * Who a card is rendered for: one person (their roles and identity count), or a channel — everyone in it sees the
 * working group's buttons, and only the working group's own channel sees the review panel and reviewers' names.
 */
export type CardViewer = UserActor | { kind: 'channel'; channelId: string; workingGroup: boolean };

/** The materials each track's application must include (R-APP-8 for pilots). */
export const REQUIRED_MATERIALS: Record<string, readonly string[]> = {
  pilot: ['projectPlan', 'riskAssessment', 'emergencyPlan', 'exitPlan', 'investorProtection'],
  coaching: ['projectPlan', 'technologyDescription', 'noRealBusinessUndertaking'],
};

const TIMELINE_LENGTH = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a project's card for one viewer: their available actions depend on their roles and identity. */
export async function getProjectCard(
  prisma: PrismaClient,
  projectId: string,
  viewer: CardViewer,
): Promise<ProjectCardData> {
  const project = await requireProject(prisma, projectId);
  const channel = viewer.kind === 'channel';
  const viewerId = viewer.kind === 'channel' ? CHANNEL_VIEWER_ID : viewer.userId;
  const [deadlines, timeline] = await Promise.all([
    openDeadlinesOf(prisma, projectId),
    latestAudit(prisma, projectId, TIMELINE_LENGTH),
  ]);
  const missed = deadlines.filter((d) => d.status === 'missed').map((d) => d.key);
  const records = await summariseRecords(prisma, projectId, missed);
  const roles = viewer.kind === 'channel' ? [...CHANNEL_ROLES] : viewer.roles;
  const snapshot = restoreSnapshot(project.machine, project.machineVersion, project.snapshot);
  const ctx = snapshot.context as {
    applicants?: Array<{ name: string; lead: boolean; institutionType: string }>;
    materials?: string[];
    batchId?: string | null;
    pending?: { kind: string; proposedBy: string } | null;
    comments?: Record<
      string,
      {
        summary: string;
        disposition: string | null;
        source?: string;
        raisesRisk?: boolean;
        dispositionKind?: string | null;
      }
    >;
    assignments?: Assignment[];
    reviews?: Review[];
    simplifiedReview?: boolean;
    reviewersRequired?: { standard: number; simplified: number };
    reviewOverride?: { by: string; reason: string } | null;
  };
  // In a channel, what only staff may read (every reviewer's name and status) needs the working group's own channel.
  const staff = viewer.kind === 'channel' ? viewer.workingGroup : roles.some((r) => SEES_PERSONAL_DATA.includes(r));
  const review =
    ctx.assignments && ctx.assignments.length > 0 && ctx.reviewersRequired
      ? reviewPanel(
          {
            assignments: ctx.assignments,
            reviews: ctx.reviews ?? [],
            needed: ctx.simplifiedReview ? ctx.reviewersRequired.simplified : ctx.reviewersRequired.standard,
            criteria: ctx.simplifiedReview ? SIMPLIFIED_CRITERIA : FULL_CRITERIA,
            lateReviewers: new Set(
              deadlines.filter((d) => d.status === 'missed' && d.key.startsWith('review:')).map((d) => d.key.slice(7)),
            ),
            override: ctx.reviewOverride ?? null,
          },
          { userId: viewerId, staff },
        )
      : null;
  const present = ctx.materials ?? [];
  // Blind review (issue 6): a reviewer who is not staff never sees who else reviews — no other reviewer's events in
  // the timeline, no other reviewer's deadlines.
  const othersReview = (kind: string, userId: string | null) =>
    !staff && userId !== viewerId && (kind.startsWith('review') || kind.startsWith('reviewer'));
  const actor: Actor = { kind: 'user', userId: viewerId, roles };
  // Batch ids are uuids written by the app; anything else (an old or hand-made snapshot) has no name to show.
  const batch = ctx.batchId && UUID.test(ctx.batchId) ? await batchName(prisma, ctx.batchId) : null;
  return {
    id: project.id,
    ref: project.ref,
    track: project.track,
    title: project.title,
    version: project.version,
    machine: project.machine,
    stage: project.stage,
    statePath: statePath(snapshot.value),
    status: project.status,
    ownerId: project.ownerId,
    channelId: project.channelId,
    applicants: (ctx.applicants ?? []).map((a) => ({ name: a.name, lead: a.lead, institutionType: a.institutionType })),
    materials: { present, missing: (REQUIRED_MATERIALS[project.track] ?? []).filter((m) => !present.includes(m)) },
    batchId: ctx.batchId ?? null,
    batchName: batch,
    pending: ctx.pending ? { kind: ctx.pending.kind, proposedBy: ctx.pending.proposedBy } : null,
    openComments: Object.values(ctx.comments ?? {}).filter((c) => c.disposition === null).length,
    comments: Object.entries(ctx.comments ?? {}).map(([id, c]) => ({
      id,
      source: c.source ?? 'public',
      summary: c.summary,
      raisesRisk: c.raisesRisk ?? false,
      dispositionKind: c.dispositionKind ?? null,
      disposition: c.disposition,
    })),
    // Each report period has its own deadline row; the card shows them as the report calendar's lines instead.
    deadlines: deadlines
      .filter((d) => !othersReview(d.kind, d.responsibleUserId) && d.kind !== 'periodicReport')
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        dueDate: d.dueDate.toISOString().slice(0, 10),
        dueAt: d.dueAt.toISOString(),
        status: d.status,
        responsibleUserId: d.responsibleUserId,
        clock: d.clock,
        unknownYears: d.unknownYears,
      })),
    reports: project.machine === 'pilot' ? await reportsCardSummary(prisma, project.id, deadlines) : null,
    timeline: timeline
      .filter((a) => !othersReview(a.eventType, a.actorId))
      .map((a) => ({
        eventType: a.eventType,
        actorId: a.actorId,
        recordedAt: a.recordedAt.toISOString(),
        toState: a.toState,
      })),
    actions:
      snapshot.status === 'active'
        ? availableActions(machineEntry(project.machine).machine, snapshot, actor).map((a) =>
            isDirectDecision(a) ? { ...a, direct: true } : a,
          )
        : afterConversionActions(project, roles),
    review,
    checklist: cardChecklist(project, snapshot.context, {
      incentives: project.stage === 'regularOperation' ? await incentiveTicks(prisma, project.id) : [],
      exitDue:
        deadlines
          .find((d) => d.kind === 'exitPlanDue')
          ?.dueDate.toISOString()
          .slice(0, 10) ?? null,
      roles,
    }),
    records,
    // Personal data stays out of channels, the working group's included: it is shown to one staff member at a time.
    contact: !channel && roles.some((r) => SEES_PERSONAL_DATA.includes(r)) ? contactOf(project.intake) : null,
  };
}

function contactOf(intake: unknown): ProjectCardData['contact'] {
  const i = (intake ?? {}) as { contactName?: string; contactPhone?: string; contactEmail?: string };
  return i.contactName ? { name: i.contactName, phone: i.contactPhone ?? '', email: i.contactEmail ?? '' } : null;
}

/** What can still be done once the machine is final: R-INC-2 local support on a converted project (staff). */
function afterConversionActions(
  project: { machine: string; stage: string },
  roles: readonly string[],
): AvailableAction[] {
  if (project.machine !== 'pilot' || project.stage !== CONVERTED_STAGE) return [];
  if (!roles.some((r) => r === 'staff' || r === 'manager')) return [];
  return [
    { type: SUPPORT_EVENT, labelKey: `event.${SUPPORT_EVENT}`, fact: true, fields: supportFields() },
    ...afterConversionRecordActions(roles as UserActor['roles']),
  ];
}
