import { SLACK_DEFAULTS } from './slack-ids.ts';

// The sandbox's workspace: who is in it, which channels exist, and the ids Slack would have given them. Ids follow
// Slack's shapes (U…, C…, D…) because the listeners check them exactly as they check Slack's.

/** The bot token the sandbox's Web API accepts; it means nothing anywhere else. */
export const SANDBOX_BOT_TOKEN = 'xoxb-sandbox-local';

/** Workspace identity in every payload the sandbox sends, matching its own auth.test. */
export const SANDBOX_TEAM = { ...SLACK_DEFAULTS, teamName: 'Pilot Desk 沙盒', botName: 'Pilot Desk' } as const;

/** What a seeded person does in the programme; decides the role the admin grants them at the first start. */
export type SandboxRole = 'staff' | 'manager' | 'admin' | 'expert';

/** A seeded person, as users.info describes them. */
export interface SandboxPerson {
  id: string;
  /** Slack's display name. */
  name: string;
  realName: string;
  role: SandboxRole;
  /** Slack locale: the bot answers in it until the person chooses with `/pilot lang`. */
  locale: string;
  tz: string;
  /** Expert pool tags (experts only), as staff type them. */
  tags?: string[];
  /** What the person does, shown in the user switcher. */
  title: string;
}

/** The seeded admin, also the sandbox's PILOTDESK_ADMINS. */
export const SANDBOX_ADMIN_ID = 'U0SBADMIN1';

/** The people of the sandbox: two staff, a manager, an admin and four experts. */
export const SANDBOX_PEOPLE: readonly SandboxPerson[] = [
  {
    id: 'U0SBSTAFF1',
    name: 'wangfang',
    realName: '王芳',
    role: 'staff',
    locale: 'zh-CN',
    tz: 'Asia/Shanghai',
    title: '试点工作组 · 经办',
  },
  {
    id: 'U0SBSTAFF2',
    name: 'liqiang',
    realName: '李强',
    role: 'staff',
    locale: 'zh-CN',
    tz: 'Asia/Shanghai',
    title: '试点工作组 · 复核',
  },
  {
    id: 'U0SBMGR001',
    name: 'chenjing',
    realName: '陈静',
    role: 'manager',
    locale: 'zh-CN',
    tz: 'Asia/Shanghai',
    title: '管理层',
  },
  {
    id: SANDBOX_ADMIN_ID,
    name: 'zhangwei',
    realName: '张伟',
    role: 'admin',
    locale: 'zh-CN',
    tz: 'Asia/Shanghai',
    title: '系统管理员',
  },
  {
    id: 'U0SBEXP001',
    name: 'liuyang',
    realName: '刘洋',
    role: 'expert',
    locale: 'zh-CN',
    tz: 'Asia/Shanghai',
    tags: ['blockchain', 'risk'],
    title: '评审专家 · 区块链',
  },
  {
    id: 'U0SBEXP002',
    name: 'zhaomin',
    realName: '赵敏',
    role: 'expert',
    locale: 'zh-CN',
    tz: 'Asia/Shanghai',
    tags: ['bigData', 'compliance'],
    title: '评审专家 · 大数据与合规',
  },
  {
    id: 'U0SBEXP003',
    name: 'sunlei',
    realName: '孙磊',
    role: 'expert',
    locale: 'zh-CN',
    tz: 'Asia/Shanghai',
    tags: ['ai', 'cloudComputing'],
    title: '评审专家 · 人工智能与云计算',
  },
  {
    id: 'U0SBEXP004',
    name: 'zhouting',
    realName: '周婷',
    // One person reads English, so the sandbox shows both of the bot's languages side by side.
    locale: 'en-US',
    role: 'expert',
    tz: 'Asia/Shanghai',
    tags: ['risk', 'investorProtection'],
    title: 'Expert reviewer · risk',
  },
];

/** Everyone in the sandbox, by id. */
const SANDBOX_PEOPLE_IDS: readonly string[] = SANDBOX_PEOPLE.map((p) => p.id);

/** A seeded channel and who is in it. */
export interface SandboxChannel {
  id: string;
  name: string;
  members: readonly string[];
  /** The working group's channel, named with `/pilot settings workgroup` at the first start. */
  workgroup?: boolean;
  /** Whether the bot was invited (`/invite @Pilot Desk`); where it was not, Slack refuses its posts. */
  bot: boolean;
}

/**
 * #试点工作组 (staff, manager, admin) and #管理层 (manager, admin), the bot a member of both; and #随便聊聊 (everyone),
 * where nobody invited the bot, so what Slack does there (refusing the bot's posts until `/invite @Pilot Desk`) can
 * be seen in the sandbox too.
 */
export const SANDBOX_CHANNELS: readonly SandboxChannel[] = [
  {
    id: 'C0SBWORKGP',
    name: '试点工作组',
    members: ['U0SBSTAFF1', 'U0SBSTAFF2', 'U0SBMGR001', SANDBOX_ADMIN_ID],
    workgroup: true,
    bot: true,
  },
  { id: 'C0SBMGMT01', name: '管理层', members: ['U0SBMGR001', SANDBOX_ADMIN_ID], bot: true },
  { id: 'C0SBCHAT01', name: '随便聊聊', members: SANDBOX_PEOPLE_IDS, bot: false },
];

/** The DM conversation id between a person and the bot (Slack's D…). */
export function dmChannelOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

/** The person a DM conversation id belongs to, or undefined for any other conversation. */
export function dmUserOf(channelId: string): string | undefined {
  if (!channelId.startsWith('D')) return undefined;
  const userId = `U${channelId.slice(1)}`;
  return SANDBOX_PEOPLE.some((p) => p.id === userId) ? userId : undefined;
}
