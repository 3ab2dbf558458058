import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COACHING_EVENTS, PILOT_EVENTS } from '../../machines/catalog.ts';
import type { Role } from '../../machines/shared/actor.ts';
import { type MessageKey, t } from '../../src/i18n/index.ts';
import { ADMIN, startTestApp, type TestApp } from '../support/app.ts';
import { coachingInput, pilotInput } from '../support/machines.ts';
import { insertProject } from '../support/projects.ts';
import { SlackUser } from '../support/slack-user.ts';

// One person per role (the admin is the configured one), and someone who holds none.
const HOLDERS: Record<Role | 'none', string> = {
  admin: ADMIN,
  manager: 'U0PERMMGR1',
  staff: 'U0PERMSTF1',
  reviewer: 'U0PERMREV1',
  none: 'U0PERMNONE',
};
const ROLES = Object.keys(HOLDERS) as (Role | 'none')[];

let t0: TestApp;
let projects: { machine: 'pilot' | 'coaching'; ref: string; id: string }[];
beforeAll(async () => {
  t0 = await startTestApp();
  const admin = new SlackUser(t0, ADMIN);
  for (const role of ['manager', 'staff', 'reviewer'] as const)
    expect((await admin.command(`roles grant <@${HOLDERS[role]}> ${role}`)).text).toContain(HOLDERS[role]);
  const prisma = t0.server.db.prisma;
  const pilot = await insertProject(prisma, { ...pilotInput({ ref: 'P-2026-901' }), track: 'pilot' });
  const coaching = await insertProject(prisma, { ...coachingInput({ ref: 'C-2026-901' }), track: 'coaching' });
  projects = [
    { machine: 'pilot', ...pilot },
    { machine: 'coaching', ...coaching },
  ];
});
afterAll(async () => {
  await t0?.stop();
});

/** Every (machine, action, role) where the catalog's senders leave the role out; decisions once per kind. */
function forbidden() {
  const cases: { machine: 'pilot' | 'coaching'; action: string; role: Role | 'none'; allowed: string[] }[] = [];
  for (const [machine, catalog] of [
    ['pilot', PILOT_EVENTS],
    ['coaching', COACHING_EVENTS],
  ] as const) {
    for (const [type, info] of Object.entries(catalog)) {
      const allowed = info.senders === 'scheduler' ? ['scheduler'] : [...info.senders];
      const actions = info.decisions ? Object.keys(info.decisions).map((k) => `${type}:${k}`) : [type];
      for (const action of actions)
        for (const role of ROLES) if (!allowed.includes(role)) cases.push({ machine, action, role, allowed });
    }
  }
  return cases;
}

describe('permissions: every project action tried by every role that may not take it', () => {
  it('is refused with a message naming the role it needs, and nothing changes', async () => {
    const cases = forbidden();
    const prisma = t0.server.db.prisma;
    const state = async () => ({
      versions: (await prisma.project.findMany({ orderBy: { ref: 'asc' } })).map((p) => `${p.ref}@${p.version}`),
      audit: await prisma.auditEvent.count(),
    });
    const before = await state();
    const failures: string[] = [];
    // A few at a time over signed HTTP, like people pressing at once; bounded so the file stays quick.
    for (let i = 0; i < cases.length; i += 6) {
      await Promise.all(
        cases.slice(i, i + 6).map(async (c) => {
          const project = projects.find((p) => p.machine === c.machine)!;
          const answer = await new SlackUser(t0, HOLDERS[c.role]).command(`do ${project.ref} ${c.action}`);
          const needs = c.allowed.map((r) => t('zh-CN', `role.${r}` as MessageKey));
          const ok =
            needs.every((label) => answer.text.includes(label)) &&
            answer.text.includes('未作任何更改') &&
            !answer.text.includes(t('zh-CN', 'error.internal', { incident: '' }).slice(0, 6));
          if (!ok) failures.push(`${c.role} ${c.machine} ${c.action}: ${answer.text}`);
        }),
      );
    }
    const after = await state();
    const roles = new Set(cases.map((c) => c.role)).size;
    console.log(
      `reliability: permissions: ${cases.length} forbidden (action, role) pairs over ${new Set(cases.map((c) => c.action)).size} actions and ${roles} roles: ${cases.length - failures.length} refused naming the role, ${failures.length} not; versions and audit (${after.audit}) unchanged: ${JSON.stringify(after) === JSON.stringify(before)}`,
    );
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
    expect(cases.length).toBeGreaterThan(100);
  }, 240_000);
});
