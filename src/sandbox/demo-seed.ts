import dayjs from 'dayjs';
import { nextDeliveryInstant } from '../calendar/reminders.ts';
import { shanghaiDate } from '../clock.ts';
import { loadCalendar } from '../deadlines/load-calendar.ts';
import { restoreSnapshot, statePath } from '../runtime/machines.ts';
import type { RunningServer } from '../server.ts';
import type { SandboxClock } from './clock.ts';
import { type Actor, actor } from './demo-actor.ts';
import { createProject, firstHalf, type SeedDays, secondHalf, waitsForNoticeEnd } from './demo-journeys.ts';
import { CONFLICTED_APPLICANT, MANAGEMENT, MANAGER, PROJECTS, STAFF, uscc, WORKGROUP } from './demo-projects.ts';
import type { SandboxPeople } from './people-act.ts';
import type { SandboxSlack } from './slack-api.ts';
import { SANDBOX_CHANNELS, SANDBOX_PEOPLE } from './workspace.ts';

/** What the demo seed needs: the sandbox's Slack, its people, the server and the clock. */
export interface SeedDeps {
  slack: SandboxSlack;
  people: SandboxPeople;
  server: RunningServer;
  clock: SandboxClock;
  advance(to: Date): Promise<void>;
}

/** What the demo seed did: the batches it opened and each project it added, with where it stands. */
export interface SeedReport {
  batches: string[];
  projects: { ref: string; title: string; track: string; stage: string; state: string }[];
  /** Where the seed moved the sandbox's clock first, when it was outside working hours. */
  advancedTo?: string;
}

/** The experts' affiliations, as staff type them in the expert form; 刘洋's former employer is an applicant. */
const AFFILIATIONS: Record<string, (day: (n: number) => string) => string> = {
  U0SBEXP001: (day) =>
    `${CONFLICTED_APPLICANT} | ${uscc('91310000MA1FL0A01')} | ${day(-400)}\n上海交通大学安泰经济与管理学院`,
  U0SBEXP002: () => '上海财经大学金融学院',
  U0SBEXP003: () => '复旦大学计算机科学技术学院',
  U0SBEXP004: () => '上海金融科技产业联盟',
};

/**
 * Fills the sandbox with a demonstration programme, as the seeded people would in Slack: staff open this season's
 * batch and an earlier one, record the experts' affiliations (one expert once worked for an applicant), the manager
 * subscribes #管理层 to the digest, and staff take a project to every stage of both tracks from the cards' buttons,
 * the experts accepting and reviewing in their DMs. Fact dates lie in the past where the facts would, so some
 * deadlines are overdue and others due soon; one scheduler pass ends the older projects' public notices. Nothing is
 * written except through the app. Idempotent: a project whose title exists already is not added again.
 */
export async function seedDemo(deps: SeedDeps): Promise<SeedReport> {
  const report: SeedReport = { batches: [], projects: [] };
  const prisma = deps.server.db.prisma;
  const existing = new Set((await prisma.project.findMany({ select: { title: true } })).map((p) => p.title));
  const missing = PROJECTS.filter((p) => !existing.has(p.title));
  if (missing.length === 0) return report;
  const act = actor(deps);
  const advancedTo = await intoWorkingHours(deps);
  if (advancedTo) report.advancedTo = advancedTo;
  const today = shanghaiDate(deps.clock.now());
  const day = (n: number) => dayjs(today).add(n, 'day').format('YYYY-MM-DD');
  const days: SeedDays = { day, earlier: day(-200), between: day(-30) };
  report.batches = await openBatches(deps, act, day);
  await recordAffiliations(deps, act, day);
  if (!(await prisma.digestSubscription.findUnique({ where: { channelId: MANAGEMENT } })))
    await act.command(MANAGER, MANAGEMENT, 'digest subscribe');
  const findRef = async (title: string) =>
    (await prisma.project.findFirstOrThrow({ where: { title }, select: { ref: true } })).ref;
  const added: { ref: string; p: (typeof PROJECTS)[number] }[] = [];
  for (const p of missing) {
    const ref = await createProject(act, p, findRef);
    await firstHalf(act, p, ref, days);
    added.push({ ref, p });
  }
  // The older projects' notice periods ended long ago: the scheduler's pass as of now ends them (R-APP-5).
  if (added.some(({ p }) => waitsForNoticeEnd(p))) await deps.advance(deps.clock.now());
  for (const { ref, p } of added) if (waitsForNoticeEnd(p)) await secondHalf(act, p, ref, days);
  // And once more, as the running sandbox's scheduler would within the minute: what is overdue now escalates.
  await deps.advance(deps.clock.now());
  await deps.server.services.home.refresh(SANDBOX_CHANNELS.find((c) => c.id === WORKGROUP)!.members);
  for (const { ref, p } of added) {
    const row = await prisma.project.findUniqueOrThrow({ where: { ref } });
    const snapshot = restoreSnapshot(row.machine, row.machineVersion, row.snapshot);
    report.projects.push({ ref, title: p.title, track: row.track, stage: row.stage, state: statePath(snapshot.value) });
  }
  return report;
}

/** This season's batch (open until six weeks from today) and the earlier one the older projects came in with. */
async function openBatches(deps: SeedDeps, act: Actor, day: (n: number) => string): Promise<string[]> {
  const earlierYear = day(-210).slice(0, 4);
  const currentYear = day(-14).slice(0, 4);
  const wanted = [
    { name: `${earlierYear}年第一批`, from: day(-210), to: day(-170) },
    { name: `${currentYear}年${currentYear === earlierYear ? '第二批' : '第一批'}`, from: day(-14), to: day(45) },
  ];
  const have = new Set((await deps.server.services.batches.list()).map((b) => b.name));
  const opened: string[] = [];
  for (const b of wanted) {
    if (have.has(b.name)) continue;
    await act.command(STAFF, WORKGROUP, `batch open ${b.name} ${b.from} ${b.to}`);
    opened.push(b.name);
  }
  return opened;
}

/**
 * Staff record the experts' affiliations in the expert form (from `/pilot experts`), with a higher load cap so the
 * programme's reviews fit; an expert who has affiliations recorded already is left as they are.
 */
async function recordAffiliations(deps: SeedDeps, act: Actor, day: (n: number) => string): Promise<void> {
  const prisma = deps.server.db.prisma;
  for (const expert of SANDBOX_PEOPLE.filter((p) => p.role === 'expert')) {
    const lines = AFFILIATIONS[expert.id];
    if (!lines) continue;
    const recorded = await prisma.expert.findUnique({
      where: { userId: expert.id },
      select: { affiliations: { select: { name: true } } },
    });
    if (recorded && recorded.affiliations.length > 0) continue;
    await act.command(STAFF, WORKGROUP, 'experts');
    const list = act.lastSeen(STAFF, WORKGROUP);
    if (!list) throw new Error('demo seed: /pilot experts showed nothing');
    await act.press(STAFF, list, `experts.edit.${expert.id}`);
    await act.submit(STAFF, { expert_max_load: '6', expert_affiliations: lines(day) });
  }
}

/**
 * The bot holds messages to people in quiet hours and on non-working days (until 09:00 of the next working day), so
 * a seed run at night would leave the experts' invitations unsent. Then the seed first advances the sandbox's clock
 * to half past nine on the next working morning, by the app's own delivery rule, with an hour to spare.
 */
async function intoWorkingHours(deps: SeedDeps): Promise<string | undefined> {
  const calendar = await loadCalendar(deps.server.db.prisma);
  const now = deps.clock.now();
  const soon = new Date(now.getTime() + 60 * 60_000);
  const deliverable = (at: Date) => new Date(nextDeliveryInstant(at, calendar)).getTime() === at.getTime();
  if (deliverable(now) && deliverable(soon)) return undefined;
  const to = new Date(new Date(nextDeliveryInstant(soon, calendar)).getTime() + 30 * 60_000);
  await deps.advance(to);
  return to.toISOString();
}
