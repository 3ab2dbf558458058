// The page's own words, in the bot's two languages; the page follows the language the bot uses for the person.

const ZH = {
  workspace: 'Pilot Desk 沙盒',
  sandboxNote: '本地沙盒：真实的机器人、数据库和调度器，没有连接 Slack',
  actingAs: '当前身份',
  channels: '频道',
  apps: '应用',
  home: '主页',
  messages: '消息',
  about: '关于',
  clock: '沙盒时间',
  advance: '推进到',
  advanceButton: '推进并运行调度',
  advanced: '已推进到 {at}，调度已运行',
  backwards: '沙盒时间不能倒退（现在是 {now}）',
  composerChannel: '发消息到 #{name}，或输入 /pilot …',
  composerDm: '发消息给 Pilot Desk，或输入 /pilot …',
  composerThread: '回复…',
  send: '发送',
  onlyYou: '仅你可见',
  dismiss: '关闭',
  edited: '（已编辑）',
  replies: '{n} 条回复',
  thread: '话题',
  closeThread: '关闭话题',
  cancel: '取消',
  select: '请选择',
  chooseDate: '选择日期',
  chooseTime: '选择时间',
  filter: '输入以筛选…',
  noMatches: '没有匹配的选项',
  remove: '移除',
  unknownBlock: '沙盒无法显示的区块：{type}',
  unknownElement: '沙盒无法显示的元素：{type}',
  emptyTitle: '沙盒还是空的',
  emptyText:
    '用示范数据填充：一个征集中的批次，试点与辅导两条路径上每个阶段的项目，带统一社会信用代码的机构，评审中的专家（其中一位与申请机构有利益冲突），即将到期和已逾期的期限，以及订阅了每日摘要的 #管理层。机器人逐项办理，约需一两分钟。',
  seed: '填充示范数据',
  seeding: '正在通过机器人自己的用例填充…',
  seeded: '示范数据已填充',
  noHome: '打开主页时，Pilot Desk 会发布你的主页。',
  members: '{n} 位成员',
  bot: '应用',
  working: '处理中…',
  required: '请填写此必填项。',
  optional: '（可选）',
  error: '出错了：{error}',
};

const EN: typeof ZH = {
  workspace: 'Pilot Desk sandbox',
  sandboxNote: 'Local sandbox: the real bot, database and scheduler, no Slack connection',
  actingAs: 'Acting as',
  channels: 'Channels',
  apps: 'Apps',
  home: 'Home',
  messages: 'Messages',
  about: 'About',
  clock: 'Sandbox time',
  advance: 'Advance to',
  advanceButton: 'Advance and run the scheduler',
  advanced: 'Advanced to {at}; the scheduler ran',
  backwards: 'The sandbox clock cannot go back (it is {now})',
  composerChannel: 'Message #{name}, or type /pilot …',
  composerDm: 'Message Pilot Desk, or type /pilot …',
  composerThread: 'Reply…',
  send: 'Send',
  onlyYou: 'Only visible to you',
  dismiss: 'Dismiss',
  edited: '(edited)',
  replies: '{n} replies',
  thread: 'Thread',
  closeThread: 'Close thread',
  cancel: 'Cancel',
  select: 'Select an item',
  chooseDate: 'Select a date',
  chooseTime: 'Select a time',
  filter: 'Type to filter…',
  noMatches: 'No matches',
  remove: 'Remove',
  unknownBlock: 'A block the sandbox cannot show: {type}',
  unknownElement: 'An element the sandbox cannot show: {type}',
  emptyTitle: 'The sandbox is empty',
  emptyText:
    'Fill it with a demonstration programme: an open batch, projects at every stage of both tracks (pilot and coaching), institutions with valid credit codes, experts reviewing (one conflicted with an applicant), deadlines due soon and overdue, and #管理层 subscribed to the daily digest. The bot does it step by step, in a minute or two.',
  seed: 'Fill with demo data',
  seeding: 'Filling it through the bot’s own use cases…',
  seeded: 'Demo data filled in',
  noHome: 'Pilot Desk publishes your Home when you open it.',
  members: '{n} members',
  bot: 'APP',
  working: 'Working…',
  required: 'This field is required.',
  optional: '(optional)',
  error: 'Something went wrong: {error}',
};

/** A key of the page's words. */
export type Word = keyof typeof ZH;

/** The page's languages, as the bot names them. */
export type PageLang = 'zh-CN' | 'en';

/** The page's word for `key` in `lang`, with {placeholders} filled in. */
export function w(lang: PageLang, key: Word, params: Record<string, string | number> = {}): string {
  const text = (lang === 'en' ? EN : ZH)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
