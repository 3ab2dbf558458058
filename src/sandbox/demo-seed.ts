import dayjs from 'dayjs';
import { nextDeliveryInstant } from '../calendar/reminders.ts';
import { shanghaiDate } from '../clock.ts';
import { loadCalendar } from '../deadlines/load-calendar.ts';
import { INTAKE } from '../projects/ids.ts';
import type { RunningServer } from '../server.ts';
import type { SandboxClock } from './clock.ts';
import { type Actor, actor, hasAction } from './demo-actor.ts';
import { type DemoProject, MANAGEMENT, MANAGER, PROJECTS, STAFF, uscc, WORKGROUP } from './demo-projects.ts';
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

/** What the demo seed did: the batch it opened and each project's reference and stage. */
export interface SeedReport {
  batches: string[];
  projects: { ref: string; title: string; stage: string }[];
  /** Invitations the experts accepted in their DMs. */
  accepted: number;
  /** Where the seed moved the sandbox's clock first, when it was outside working hours. */
  advancedTo?: string;
}

/**
 * Fills an empty sandbox with a demonstration programme, as the seeded people would in Slack: staff open a batch
 * by command, the manager subscribes #管理层 to the daily digest, staff fill in application forms, add the lead applicant (with a valid credit code) and the materials from
 * the card's buttons and submit; entering screening invites experts automatically, and some accept in their DMs.
 * Nothing is written to the database except through the app. Does nothing when the sandbox has projects already.
 */
export async function seedDemo(deps: SeedDeps): Promise<SeedReport> {
  const report: SeedReport = { batches: [], projects: [], accepted: 0 };
  const prisma = deps.server.db.prisma;
  if ((await prisma.project.count()) > 0) return report;
  const act = actor(deps);
  const advancedTo = await intoWorkingHours(deps);
  if (advancedTo) report.advancedTo = advancedTo;
  const today = shanghaiDate(deps.clock.now());
  const day = (n: number) => dayjs(today).add(n, 'day').format('YYYY-MM-DD');
  const batch = `${today.slice(0, 4)}年第一批`;
  if (!(await deps.server.services.batches.list()).some((b) => b.name === batch)) {
    await act.command(STAFF, WORKGROUP, `batch open ${batch} ${day(-14)} ${day(45)}`);
    report.batches.push(batch);
  }
  // The managers' digest, working days at 09:00 in #管理层: advancing the clock shows it arrive.
  await act.command(MANAGER, MANAGEMENT, 'digest subscribe');
  for (const p of PROJECTS) {
    const ref = await createProject(act, deps, p);
    if (p.reach !== 'intake') await addApplicant(act, p, ref);
    if (p.reach === 'screening') {
      await addMaterials(act, p, ref, today);
      await act.press(p.owner, await act.card(ref), 'project.act.intake.submit');
      await act.submit(p.owner, { 'f.factDate': { type: 'datepicker', selected_date: today } });
      let accepted = 0;
      for (const expert of SANDBOX_PEOPLE.filter((x) => x.role === 'expert').map((x) => x.id)) {
        if (accepted >= (p.accept ?? 0)) break;
        const invitation = await act.dm(expert, (m) => m.text.includes(ref) && hasAction(m, 'review.accept'));
        if (!invitation) continue;
        await act.press(expert, invitation, 'review.accept');
        await act.submit(expert, { declaration: { type: 'checkboxes', selected_options: [{ value: 'declared' }] } });
        accepted += 1;
      }
      report.accepted += accepted;
    }
    const row = await prisma.project.findUniqueOrThrow({ where: { ref }, select: { stage: true } });
    report.projects.push({ ref, title: p.title, stage: row.stage });
  }
  await deps.server.services.home.refresh(SANDBOX_CHANNELS[0]!.members);
  return report;
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

async function createProject(act: Actor, deps: SeedDeps, p: DemoProject): Promise<string> {
  await act.command(p.owner, WORKGROUP, 'new pilot');
  await act.submit(p.owner, {
    [INTAKE.blocks.title]: p.title,
    [INTAKE.blocks.scenario]: p.scenario,
    [INTAKE.blocks.technologies]: {
      type: 'multi_static_select',
      selected_options: p.technologies.map((value) => ({ value })),
    },
    [INTAKE.blocks.owner]: { type: 'users_select', selected_user: p.owner },
    [INTAKE.blocks.contactName]: p.contact.name,
    [INTAKE.blocks.contactPhone]: p.contact.phone,
    [INTAKE.blocks.contactEmail]: { type: 'email_text_input', value: p.contact.email },
  });
  const row = await deps.server.db.prisma.project.findFirstOrThrow({
    where: { title: p.title },
    select: { ref: true },
  });
  return row.ref;
}

async function addApplicant(act: Actor, p: DemoProject, ref: string): Promise<void> {
  await act.press(p.owner, await act.card(ref), 'intake.applicant.add');
  await act.submit(p.owner, {
    name: p.applicant.name,
    uscc: uscc(p.applicant.code17),
    institutionType: { type: 'static_select', selected_option: { value: p.applicant.type } },
    'registration.province': '上海市',
    'registration.city': '上海市',
    'mainOffice.province': '上海市',
    'mainOffice.city': '上海市',
    licenceNumber: p.applicant.licence,
    lead: { type: 'checkboxes', selected_options: [{ value: 'true' }] },
  });
  // The form answers with the eligibility check in the same modal; the person reads it and closes it.
  act.closeModals(p.owner);
}

async function addMaterials(act: Actor, p: DemoProject, ref: string, today: string): Promise<void> {
  const slug = ref.toLowerCase();
  await act.press(p.owner, await act.card(ref), 'intake.materials');
  const link = (name: string) => ({ type: 'url_text_input', value: `https://files.example.org/${slug}/${name}.pdf` });
  await act.submit(p.owner, {
    projectPlan: link(`plan-${today}`),
    riskAssessment: link('risk-assessment'),
    emergencyPlan: link('emergency-plan'),
    exitPlan: link('exit-plan'),
    investorProtection: link('investor-protection'),
  });
  act.closeModals(p.owner);
}
