import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { type ApplyEventDeps, applyEvent, type EventInput } from '../../src/runtime/apply-event.ts';
import { runtimeHooks } from '../../src/wiring/runtime-hooks.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { seedExperts, setAutoAssign } from '../support/experts.ts';
import { ev, pilotInput, staffA, submit } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';

let db: TestDatabase;
// 21:30 Shanghai on Thursday 2026-11-26: quiet hours.
const clock = fixedClock('2026-11-26T13:30:00Z');
const deps = (): ApplyEventDeps => ({ prisma: db.prisma, clock, afterCommit: () => {}, hooks: runtimeHooks });

beforeAll(async () => {
  db = await createTestDatabase();
  await seedExperts(db.prisma, ['U_REVIEWER_1', 'U_REVIEWER_2']);
  await setAutoAssign(db.prisma, false);
  await db.prisma.userPreference.create({ data: { userId: 'U_REVIEWER_2', lang: 'en' } });
});
afterAll(async () => {
  await db?.close();
});

describe('messages caused by people', () => {
  it('a message to a person in quiet hours waits for 09:00 the next working morning, in their language', async () => {
    const p = await insertProject(db.prisma, { ...pilotInput({ ref: 'P-2026-201' }), track: 'pilot' });
    await applyEvent(deps(), p.id, submit() as EventInput);
    for (const reviewerId of ['U_REVIEWER_1', 'U_REVIEWER_2'])
      await applyEvent(deps(), p.id, ev('review.assigned', staffA, { reviewerId }) as EventInput);
    const invitations = await db.prisma.outboxMessage.findMany({
      where: { projectId: p.id, key: { contains: ':notify:' } },
      orderBy: { id: 'asc' },
    });
    expect(invitations.map((m) => (m.args as { channel: string }).channel)).toEqual(['U_REVIEWER_1', 'U_REVIEWER_2']);
    // Friday 2026-11-27 09:00 Shanghai.
    for (const m of invitations) expect(m.nextAttemptAt.toISOString()).toBe('2026-11-27T01:00:00.000Z');
    // Kept as data, rendered when sent (decision 020): read them as Slack will get them.
    const resolve = runtimeHooks.resolver(db.prisma, clock);
    const sent = await Promise.all(invitations.map((m) => resolve(m.method, m.args as Record<string, unknown>)));
    const text = (i: number) => String(sent[i]!.args.text);
    expect(text(0)).toMatch(/\p{Script=Han}/u);
    // The English reader's invitation names the project and has no Chinese in its own words.
    expect(text(1)).toContain('P-2026-201');
    expect(text(1).replace(pilotInput().title ?? '', '')).not.toMatch(/\p{Script=Han}/u);
    // The card in the channel is not a person's message: it is refreshed at once.
    const card = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { projectId: p.id, method: 'pilotdesk.card' },
    });
    expect(card.nextAttemptAt.toISOString()).toBe('2026-11-26T13:30:00.000Z');
  });
});
