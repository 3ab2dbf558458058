import type { PrismaClient } from '../../src/db/client.ts';
import { AUTO_ASSIGN_KEY } from '../../src/review/review-settings.ts';

/** Puts these people in the expert pool (no affiliations, default load cap) so they may be assigned (issue 6). */
export async function seedExperts(
  prisma: PrismaClient,
  userIds: readonly string[],
  tags: string[] = [],
): Promise<void> {
  for (const userId of userIds)
    await prisma.expert.upsert({ where: { userId }, create: { userId, tags, createdById: 'test' }, update: {} });
}

/** Turns the automatic assignment on entering screening on or off, for tests that assign by hand. */
export async function setAutoAssign(prisma: PrismaClient, on: boolean): Promise<void> {
  await prisma.appSetting.upsert({
    where: { key: AUTO_ASSIGN_KEY },
    create: { key: AUTO_ASSIGN_KEY, value: on, updatedById: 'test' },
    update: { value: on },
  });
}

/** A complete review form as an expert fills it in (full criteria), by block id; `input` from slack-user.ts. */
export function fullReview(
  score: (criterion: string) => string,
  comment: (criterion: string) => string,
  recommendation = 'pass',
): Record<string, { type: string; selected_option: { value: string } } | string> {
  const out: Record<string, { type: string; selected_option: { value: string } } | string> = {};
  for (const c of ['legalCompliance', 'orderlyInnovation', 'riskControllability', 'policyFit']) {
    out[`score.${c}`] = { type: 'static_select', selected_option: { value: score(c) } };
    out[`comment.${c}`] = comment(c);
  }
  out.recommendation = { type: 'static_select', selected_option: { value: recommendation } };
  return out;
}

/** The review the journeys submit: good marks, a short comment per criterion, recommendation "pass". */
export const TYPICAL_REVIEW = fullReview(
  (c) => ({ legalCompliance: '4', orderlyInnovation: '4', riskControllability: '3', policyFit: '5' })[c] ?? '3',
  (c) =>
    ({ legalCompliance: '合规', orderlyInnovation: '创新有序', riskControllability: '风险可控', policyFit: '契合' })[
      c
    ] ?? '—',
);
