import { z } from 'zod';
import { isValidUscc } from '../../machines/shared/uscc.ts';
import { recordAudit } from '../db/audit.ts';
import { InputError, PermissionError } from '../errors.ts';
import type { MessageKey } from '../i18n/index.ts';
import { hasRoleRow, insertRole } from '../roles/repository.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny } from '../roles/roles.ts';
import type { ApplyEventDeps } from '../runtime/apply-event.ts';
import { resolveExpertTags } from './expert-tags.ts';
import { EXPERT_TAGS } from './ids.ts';
import { replaceAffiliations, upsertExpert } from './repository.ts';

/** An expert as staff enter them in the modal or by command. */
export const ExpertInputSchema = z.object({
  userId: z.string().regex(/^[UW][A-Z0-9]+$/),
  tags: z.array(z.enum(EXPERT_TAGS)).default([]),
  maxLoad: z.number().int().min(1).max(20).default(3),
  awayFrom: z.iso.date().nullable().default(null),
  awayUntil: z.iso.date().nullable().default(null),
  affiliations: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(200),
        uscc: z.string().nullable(),
        endedOn: z.iso.date().nullable(),
      }),
    )
    .max(30)
    .optional(),
});
/** An expert as entered: tags as staff typed them (ids, or labels in either language) are read by the use case. */
export type ExpertInput = Omit<z.input<typeof ExpertInputSchema>, 'tags'> & { tags?: readonly string[] };

/**
 * Reads the affiliations box: one per line, `name | unified social credit code | end date`, code and date optional
 * (no end date means current). Line errors name the line.
 */
export function parseAffiliations(text: string): NonNullable<ExpertInput['affiliations']> {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line, i) => {
      const [name = '', code = '', ended = ''] = line.split(/[|｜]/).map((p) => p.trim());
      const uscc = code.normalize('NFKC').toUpperCase() || null;
      if (uscc !== null && !isValidUscc(uscc)) throw affiliationError('experts.error.uscc', i + 1);
      if (ended !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(ended)) throw affiliationError('experts.error.endDate', i + 1);
      return { name, uscc, endedOn: ended || null };
    });
}

const affiliationError = (key: MessageKey, line: number) =>
  new InputError(key, { line }, { affiliations: { key, params: { line } } });

/**
 * Adds or updates an expert in the pool with their affiliations (issue 6); staff and managers only, audited. Being in
 * the pool is what lets a person answer the invitations automatic assignment sends, so the expert reviewer role is
 * granted with the pool entry (audited as a role grant by the staff member who added them).
 */
export async function saveExpert(
  deps: ApplyEventDeps,
  actor: UserActor,
  raw: ExpertInput,
): Promise<{ userId: string; created: boolean; reviewerGranted: boolean }> {
  const { userId: actorId, roles: actorRoles } = actor;
  if (!holdsAny(actorRoles, ['staff', 'manager'])) throw new PermissionError('experts.permission');
  const parsed = ExpertInputSchema.safeParse({ ...raw, tags: resolveExpertTags(raw.tags ?? []) });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'userId');
    throw new InputError('experts.error.invalid', {}, { [field]: { key: 'field.invalid' } });
  }
  const e = parsed.data;
  if (e.awayFrom && e.awayUntil && e.awayUntil < e.awayFrom)
    throw new InputError('experts.error.away', {}, { awayUntil: { key: 'experts.error.away' } });
  const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
  return deps.prisma.$transaction(async (tx) => {
    const { existed } = await upsertExpert(
      tx,
      { userId: e.userId, tags: e.tags, maxLoad: e.maxLoad, awayFrom: day(e.awayFrom), awayUntil: day(e.awayUntil) },
      actorId,
    );
    // Without affiliations given (e.g. `/pilot experts add`), the recorded ones stay.
    if (e.affiliations)
      await replaceAffiliations(
        tx,
        e.userId,
        e.affiliations.map((a) => ({ name: a.name, uscc: a.uscc, endedOn: day(a.endedOn) })),
      );
    await recordAudit(tx, {
      actorKind: 'user',
      actorId,
      eventType: existed ? 'expert.updated' : 'expert.added',
      payload: { ...e },
      recordedAt: deps.clock.now(),
    });
    const reviewerGranted = !(await hasRoleRow(tx, e.userId, 'reviewer'));
    if (reviewerGranted) {
      await insertRole(tx, { userId: e.userId, role: 'reviewer', grantedBy: actorId });
      await recordAudit(tx, {
        actorKind: 'user',
        actorId,
        actorRoles,
        eventType: 'role.grant',
        payload: { userId: e.userId, role: 'reviewer', reason: 'expertPool' },
        recordedAt: deps.clock.now(),
      });
    }
    return { userId: e.userId, created: !existed, reviewerGranted };
  });
}
