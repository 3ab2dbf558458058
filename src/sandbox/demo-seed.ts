import dayjs from 'dayjs';
import { usccCheckChar } from '../../machines/shared/uscc.ts';
import { nextDeliveryInstant } from '../calendar/reminders.ts';
import { shanghaiDate } from '../clock.ts';
import { loadCalendar } from '../deadlines/load-calendar.ts';
import { INTAKE } from '../projects/ids.ts';
import type { RunningServer } from '../server.ts';
import type { SandboxClock } from './clock.ts';
import type { PageAction, SandboxPeople } from './people-act.ts';
import type { SandboxMessage, SandboxSlack, SandboxView } from './slack-api.ts';
import { dmChannelOf, SANDBOX_CHANNELS, SANDBOX_PEOPLE } from './workspace.ts';

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

type Value = string | ({ type: string } & Record<string, unknown>);

const WORKGROUP = SANDBOX_CHANNELS.find((c) => c.workgroup)!.id;
const MANAGEMENT = SANDBOX_CHANNELS.find((c) => !c.workgroup)!.id;
const MANAGER = SANDBOX_PEOPLE.find((p) => p.role === 'manager')!.id;
const STAFF = 'U0SBSTAFF1';
const STAFF_B = 'U0SBSTAFF2';

/** A credit code with its check character (GB 32100-2015), so the eligibility check accepts it. */
const uscc = (first17: string) => {
  const check = usccCheckChar(first17);
  if (check === null) throw new Error(`demo seed: ${first17} cannot be the start of a credit code`);
  return first17 + check;
};

/** One demonstration project and how far the seed takes it. */
interface DemoProject {
  title: string;
  scenario: string;
  technologies: string[];
  owner: string;
  contact: { name: string; phone: string; email: string };
  applicant: { name: string; code17: string; type: string; licence: string };
  /** intake: the form only; applicant: and its lead applicant; screening: materials in and submitted. */
  reach: 'intake' | 'applicant' | 'screening';
  /** How many of the invited experts accept in their DMs (screening projects). */
  accept?: number;
}

const PROJECTS: DemoProject[] = [
  {
    title: '基于区块链的基金份额登记与过户',
    scenario: '公募基金份额登记、过户和对账上链，登记机构与销售机构实时共享份额变动',
    technologies: ['blockchain'],
    owner: STAFF,
    contact: { name: '陈晓东', phone: '+86 21 6888 0101', email: 'chenxd@pujiang-sec.example.cn' },
    applicant: {
      name: '上海浦江证券股份有限公司',
      code17: '91310000MA1FL0A01',
      type: 'securitiesCompany',
      licence: 'ZQ-0138',
    },
    reach: 'screening',
    accept: 2,
  },
  {
    title: '智能投顾适当性测评',
    scenario: '以机器学习模型辅助投资者风险承受能力测评，并留存可解释的测评依据',
    technologies: ['ai', 'bigData'],
    owner: STAFF_B,
    contact: { name: '林雨', phone: '+86 21 6888 0202', email: 'linyu@lujiazui-fund.example.cn' },
    applicant: {
      name: '上海陆家嘴基金管理有限公司',
      code17: '91310115MA1K3B702',
      type: 'fundManagementCompany',
      licence: 'JJ-0452',
    },
    reach: 'screening',
    accept: 1,
  },
  {
    title: '期货交易系统云原生改造',
    scenario: '核心交易系统迁移至行业云，同城双活，故障切换不超过 30 秒',
    technologies: ['cloudComputing'],
    owner: STAFF,
    contact: { name: '黄海', phone: '+86 21 6888 0303', email: 'huanghai@dongfang-fut.example.cn' },
    applicant: {
      name: '上海东方期货有限公司',
      code17: '91310109MA1G5C803',
      type: 'futuresCompany',
      licence: 'QH-0077',
    },
    reach: 'applicant',
  },
  {
    title: '大数据反洗钱交易监测',
    scenario: '跨机构交易数据联合建模，识别可疑交易并推送至合规部门复核',
    technologies: ['bigData'],
    owner: STAFF_B,
    contact: { name: '吴敏', phone: '+86 21 6888 0404', email: 'wumin@huangpu-sec.example.cn' },
    applicant: {
      name: '上海黄浦证券有限责任公司',
      code17: '91310101MA1H7D904',
      type: 'securitiesCompany',
      licence: 'ZQ-0291',
    },
    reach: 'intake',
  },
];

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

function hasAction(m: SandboxMessage, prefix: string): boolean {
  return JSON.stringify(m.blocks ?? []).includes(`"action_id":"${prefix}`);
}

interface Actor {
  command(userId: string, channel: string, text: string): Promise<void>;
  /** Submits the person's top modal with values by block id (the action id is read from the view). */
  submit(userId: string, values: Record<string, Value>): Promise<void>;
  press(userId: string, message: SandboxMessage, prefix: string): Promise<void>;
  /** The project's card in the working group's channel, as everyone there sees it. */
  card(ref: string): Promise<SandboxMessage>;
  dm(userId: string, match: (m: SandboxMessage) => boolean): Promise<SandboxMessage | undefined>;
  closeModals(userId: string): void;
}

/** The seed's hands: commands, presses and submissions through the sandbox, each awaited until the app is done. */
function actor(deps: SeedDeps): Actor {
  const { slack, people } = deps;
  const settle = async () => {
    await deps.server.services.idle();
    await deps.server.services.flushOutbox();
    await deps.server.services.idle();
  };
  const top = (userId: string): SandboxView => {
    const view = slack.modalStack(userId).at(-1);
    if (!view) throw new Error(`demo seed: no modal is open for ${userId}`);
    return view;
  };
  return {
    async command(userId, channel, text) {
      await people.command(userId, channel, '/pilot', text).done;
      await settle();
    },
    async submit(userId, values) {
      const view = top(userId);
      const blocks = (view.view.blocks ?? []) as { block_id?: string; element?: { action_id?: string } }[];
      const state: Record<string, Record<string, Record<string, unknown>>> = {};
      for (const [blockId, value] of Object.entries(values)) {
        const block = blocks.find((b) => b.block_id === blockId);
        if (!block) continue;
        state[blockId] = {
          [block.element?.action_id ?? blockId]:
            typeof value === 'string' ? { type: 'plain_text_input', value } : value,
        };
      }
      const outcome = await people.submit(userId, view.id, state);
      if (outcome?.kind === 'errors')
        throw new Error(
          `demo seed: the form refused ${JSON.stringify(outcome.errors)} (${String(view.view.callback_id)})`,
        );
      await settle();
    },
    async press(userId, message, prefix) {
      const element = findElement(message, prefix);
      if (!element) throw new Error(`demo seed: no ${prefix} button on the message "${message.text.slice(0, 80)}"`);
      const action: PageAction = {
        type: 'button',
        action_id: element.action_id,
        block_id: element.block_id,
        ...(element.value !== undefined ? { value: element.value } : {}),
      };
      await people.actOnMessage(userId, message.channel, message.ts, action).done;
      await settle();
    },
    async card(ref) {
      await settle();
      const card = [...slack.visibleMessages(STAFF, WORKGROUP)]
        .reverse()
        .find((m) => !m.threadTs && m.text.includes(ref) && m.ephemeralFor === undefined);
      if (!card) throw new Error(`demo seed: no card for ${ref} in the working group's channel`);
      return card;
    },
    async dm(userId, match) {
      await settle();
      return slack.visibleMessages(userId, dmChannelOf(userId)).find(match);
    },
    closeModals(userId) {
      slack.closeAll(userId);
    },
  };
}

/** The first element on a message whose action id starts with `prefix`, with its block id. */
function findElement(
  message: SandboxMessage,
  prefix: string,
): { action_id: string; block_id: string; value?: string } | undefined {
  for (const block of (message.blocks ?? []) as Record<string, unknown>[]) {
    const elements = [
      ...((block.elements as Record<string, unknown>[] | undefined) ?? []),
      ...(block.accessory ? [block.accessory as Record<string, unknown>] : []),
    ];
    for (const e of elements)
      if (typeof e.action_id === 'string' && e.action_id.startsWith(prefix))
        return {
          action_id: e.action_id,
          block_id: String(block.block_id ?? ''),
          ...(typeof e.value === 'string' ? { value: e.value } : {}),
        };
  }
  return undefined;
}
