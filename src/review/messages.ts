import type { Exclusion, ExpertPick } from './rank-experts.ts';

/** What the invitation DM shows: the project, its materials, the dates; nothing about other reviewers. */
export interface InvitationData {
  projectId: string;
  ref: string;
  title: string;
  scenario: string;
  technologies: readonly string[];
  materials: Record<string, string | null>;
  respondBy: string | null;
  reviewWorkingDays: number;
  simplified: boolean;
}

/** What an automatic assignment did, as staff are told: picks with their reasons, exclusions, places still open. */
export interface AssignmentReportData {
  ref: string;
  picks: ExpertPick[];
  excluded: Array<{ userId: string; exclusion: Exclusion }>;
  missing: number;
  /** Invited experts who cannot answer for lack of the expert reviewer role. */
  withoutRole?: readonly string[];
}

declare module '../outbox/rendered.ts' {
  /** The review area's workflow messages, kept as data in the outbox and rendered when sent (decision 020). */
  interface MessageData {
    'review.invitation': InvitationData;
    'review.accepted': { projectId: string; ref: string; dueDate: string | null };
    'review.assignmentReport': AssignmentReportData;
  }
}
