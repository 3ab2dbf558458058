import { InputError } from '../../errors.ts';
import type { Lang } from '../../i18n/index.ts';
import type { ProjectFilter } from '../../projects/list-projects.ts';
import { normaliseRef } from '../../projects/next-ref.ts';
import { KIND_WORDS, type RecordKind } from '../../records/kinds.ts';
import { type Role, RoleSchema } from '../../roles/roles.ts';
import { date } from './parse-date.ts';
import { type ExportsCommand, parseExport, parseHistory, parseSearch } from './parse-exports-command.ts';

/** What `/pilot list` narrows to: the list use case's own filter. */
export type ListFilter = ProjectFilter;

/** A `/pilot` command line, parsed. */
export type PilotCommand =
  | { sub: 'menu' }
  | { sub: 'help' }
  | { sub: 'new'; track: 'pilot' | 'coaching' }
  | { sub: 'list'; filter: ListFilter; page: number }
  | { sub: 'show'; ref: string }
  | { sub: 'do'; ref: string; action: string }
  | { sub: 'why'; ref: string }
  | { sub: 'records'; ref: string; kind: RecordKind | null }
  | { sub: 'batch'; op: 'list' }
  | { sub: 'batch'; op: 'open'; name: string | null; opensOn: string | null; closesOn: string | null }
  | { sub: 'batch'; op: 'close'; name: string }
  | { sub: 'batch'; op: 'place'; name: string }
  | { sub: 'batch'; op: 'selection'; name: string }
  | { sub: 'roles'; op: 'list' }
  | { sub: 'roles'; op: 'grant' | 'revoke'; userId: string; role: Role }
  | { sub: 'digest'; op: 'subscribe'; track: 'pilot' | 'coaching' | null; stage: string | null }
  | { sub: 'digest'; op: 'unsubscribe' | 'now' }
  | { sub: 'lang'; lang: Lang }
  | { sub: 'calendar' }
  | { sub: 'relay' }
  | { sub: 'admin'; op: 'outbox' }
  | { sub: 'settings'; op: 'show' }
  | { sub: 'settings'; op: 'workgroup'; channel: 'here' | 'off' | string }
  | { sub: 'experts'; op: 'list' }
  | { sub: 'experts'; op: 'add'; userId: string; tags: string[]; maxLoad: number | null }
  | { sub: 'experts'; op: 'auto'; on: boolean }
  | { sub: 'assign'; ref: string; mode: 'auto' }
  | { sub: 'assign'; ref: string; mode: 'user'; userId: string }
  | { sub: 'reports'; ref: string; op: 'list' }
  | { sub: 'reports'; ref: string; op: 'interval'; months: number }
  | { sub: 'reports'; ref: string; op: 'review'; which: string; status: 'accepted' | 'followUp'; note: string | null }
  | ExportsCommand;

/** Every `/pilot` subcommand, as the unknown-subcommand answer lists them (and the help must show them). */
export const SUBS = [
  'help',
  'new',
  'list',
  'show',
  'do',
  'why',
  'records',
  'batch',
  'roles',
  'digest',
  'lang',
  'calendar',
  'relay',
  'settings',
  'admin',
  'experts',
  'assign',
  'reports',
  'export',
  'search',
  'history',
] as const;

/** Splits command text into words, keeping Slack's escaped mentions (<@U123|name>) whole; full-width input accepted. */
function words(text: string): string[] {
  return text.normalize('NFKC').trim().split(/\s+/).filter(Boolean);
}

function ref(
  raw: string | undefined,
  usage: 'usage.show' | 'usage.do' | 'usage.why' | 'usage.assign' | 'reports.usage' | 'records.usage',
): string {
  if (raw === undefined) throw new InputError(usage);
  const normalised = normaliseRef(raw);
  if (!normalised) throw new InputError('command.badRef', { ref: raw });
  return normalised;
}

/** Parses the text after `/pilot`; anything it cannot read becomes an InputError naming the problem and the usage. */
export function parsePilotCommand(text: string): PilotCommand {
  const w = words(text);
  const sub = w[0]?.toLowerCase();
  const rest = w.slice(1);
  switch (sub) {
    case undefined:
      return { sub: 'menu' };
    case 'help':
    case '帮助':
      return { sub: 'help' };
    case 'new': {
      const track = rest[0]?.toLowerCase();
      if (track === undefined) throw new InputError('command.newUsage');
      if (track !== 'pilot' && track !== 'coaching')
        throw new InputError('command.newTrackUnknown', { track: rest[0]! });
      return { sub: 'new', track };
    }
    case 'list':
      return parseList(rest);
    case 'show':
      return { sub: 'show', ref: ref(rest[0], 'usage.show') };
    case 'why':
      return { sub: 'why', ref: ref(rest[0], 'usage.why') };
    case 'records':
    case '记录': {
      const word = rest[1]?.toLowerCase();
      // Own keys only: `constructor` or `toString` is a wrong kind, not an inherited property.
      const kind = word === undefined ? null : Object.hasOwn(KIND_WORDS, word) ? KIND_WORDS[word] : undefined;
      if (kind === undefined) throw new InputError('records.badKind', { kind: rest[1]! });
      return { sub: 'records', ref: ref(rest[0], 'records.usage'), kind };
    }
    case 'do': {
      const r = ref(rest[0], 'usage.do');
      if (!rest[1]) throw new InputError('usage.do');
      return { sub: 'do', ref: r, action: rest[1] };
    }
    case 'batch':
      return parseBatch(rest);
    case 'roles':
      return parseRoles(rest);
    case 'digest':
      return parseDigest(rest);
    case 'lang': {
      const lang = rest[0]?.toLowerCase();
      if (lang === undefined) throw new InputError('usage.lang');
      if (['zh', 'zh-cn', 'cn', '中文'].includes(lang)) return { sub: 'lang', lang: 'zh-CN' };
      if (['en', 'english'].includes(lang)) return { sub: 'lang', lang: 'en' };
      throw new InputError('command.badLang', { lang: rest[0]! });
    }
    case 'calendar':
      return { sub: 'calendar' };
    case 'relay':
      return { sub: 'relay' };
    case 'settings':
    case '设置':
      return parseSettings(rest);
    case 'admin':
      if (rest[0]?.toLowerCase() === 'outbox') return { sub: 'admin', op: 'outbox' };
      throw new InputError('admin.usage');
    case 'experts':
    case '专家':
      return parseExperts(rest);
    case 'assign':
    case '指派':
      return parseAssign(rest);
    case 'reports':
    case '报告':
      return parseReports(rest);
    case 'export':
    case '导出':
      return parseExport(rest);
    case 'search':
    case '搜索':
      return parseSearch(rest);
    case 'history':
    case '历史':
      return parseHistory(rest);
    default:
      throw new InputError('command.unknown', { sub: w[0]!, subs: SUBS.join(', ') });
  }
}

function parseList(rest: string[]): PilotCommand {
  let page = 1;
  const last = rest.at(-1);
  if (last !== undefined && /^\d+$/.test(last)) {
    page = Number(last);
    if (page < 1) throw new InputError('command.badPage', { page: last });
    rest = rest.slice(0, -1);
  }
  const [first, ...more] = rest;
  const f = first?.toLowerCase();
  let filter: ListFilter;
  if (f === undefined) filter = { kind: 'all' };
  else if (f === 'mine' || f === 'overdue') filter = { kind: f };
  else if (f === 'pilot' || f === 'coaching') filter = { kind: 'track', track: f };
  else if (f === 'batch') {
    if (more.length === 0) throw new InputError('usage.list');
    filter = { kind: 'batch', name: more.join(' ') };
  } else if (/^[a-z][a-zA-Z.]*$/.test(first!)) filter = { kind: 'stage', stage: first! };
  else throw new InputError('command.badFilter', { filter: first! });
  return { sub: 'list', filter, page };
}

function parseBatch(rest: string[]): PilotCommand {
  const op = rest[0]?.toLowerCase();
  if (op === 'list' && rest[1]) return { sub: 'batch', op: 'selection', name: rest.slice(1).join(' ') };
  if (op === 'list') return { sub: 'batch', op: 'list' };
  if (op === 'place' && rest[1]) return { sub: 'batch', op: 'place', name: rest.slice(1).join(' ') };
  if (op === 'open')
    return { sub: 'batch', op: 'open', name: rest[1] ?? null, opensOn: date(rest[2]), closesOn: date(rest[3]) };
  if (op === 'close' && rest[1]) return { sub: 'batch', op: 'close', name: rest.slice(1).join(' ') };
  throw new InputError('usage.batch');
}

function parseRoles(rest: string[]): PilotCommand {
  const op = rest[0]?.toLowerCase();
  if (op === 'list' || op === undefined) return { sub: 'roles', op: 'list' };
  if (op !== 'grant' && op !== 'revoke') throw new InputError('usage.roles');
  const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(rest[1] ?? '');
  if (!mention) throw new InputError('command.badUser');
  const role = RoleSchema.safeParse(rest[2]?.toLowerCase());
  if (!role.success) throw new InputError(rest[2] ? 'command.badRole' : 'usage.roles', { role: rest[2] ?? '' });
  return { sub: 'roles', op, userId: mention[1]!, role: role.data };
}

function parseDigest(rest: string[]): PilotCommand {
  const op = rest[0]?.toLowerCase();
  if (op === 'unsubscribe' || op === 'now') return { sub: 'digest', op };
  if (op !== 'subscribe') throw new InputError('usage.digest');
  let track: 'pilot' | 'coaching' | null = null;
  let stage: string | null = null;
  for (const word of rest.slice(1)) {
    const lower = word.toLowerCase();
    if (lower === 'pilot' || lower === 'coaching') track = lower;
    else if (/^[a-z][a-zA-Z.]*$/.test(word)) stage = word;
    else throw new InputError('command.badFilter', { filter: word });
  }
  return { sub: 'digest', op: 'subscribe', track, stage };
}

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

function parseExperts(rest: string[]): PilotCommand {
  const op = rest[0]?.toLowerCase();
  if (op === undefined || op === 'list') return { sub: 'experts', op: 'list' };
  if (op === 'auto') {
    const value = rest[1]?.toLowerCase();
    if (value === 'on' || value === 'off') return { sub: 'experts', op: 'auto', on: value === 'on' };
    throw new InputError('usage.experts');
  }
  if (op !== 'add') throw new InputError('usage.experts');
  const mention = MENTION.exec(rest[1] ?? '');
  if (!mention) throw new InputError('command.badUser');
  let maxLoad: number | null = null;
  const tags: string[] = [];
  for (const word of rest.slice(2)) {
    const load = /^(?:load|负荷)=(\d{1,2})$/i.exec(word);
    if (load) maxLoad = Number(load[1]);
    else tags.push(word);
  }
  return { sub: 'experts', op: 'add', userId: mention[1]!, tags, maxLoad };
}

const CHANNEL_MENTION = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;

function parseSettings(rest: string[]): PilotCommand {
  const op = rest[0]?.toLowerCase();
  if (op === undefined) return { sub: 'settings', op: 'show' };
  if (op !== 'workgroup' && op !== '工作组') throw new InputError('usage.settings');
  const target = rest[1];
  if (target === undefined) return { sub: 'settings', op: 'workgroup', channel: 'here' };
  if (target.toLowerCase() === 'off' || target === '取消') return { sub: 'settings', op: 'workgroup', channel: 'off' };
  const mention = CHANNEL_MENTION.exec(target);
  if (!mention) throw new InputError('settings.workgroupNotChannel');
  return { sub: 'settings', op: 'workgroup', channel: mention[1]! };
}

function parseAssign(rest: string[]): PilotCommand {
  const r = ref(rest[0], 'usage.assign');
  const target = rest[1];
  if (target?.toLowerCase() === 'auto' || target === '自动') return { sub: 'assign', ref: r, mode: 'auto' };
  const mention = MENTION.exec(target ?? '');
  if (!mention) throw new InputError('usage.assign');
  return { sub: 'assign', ref: r, mode: 'user', userId: mention[1]! };
}

/** `/pilot reports <ref> [interval <months> | review <n|A1> accepted|followup [note]]` (R-SUP-1). */
function parseReports(rest: string[]): PilotCommand {
  const r = ref(rest[0], 'reports.usage');
  const op = rest[1]?.toLowerCase();
  if (op === undefined) return { sub: 'reports', ref: r, op: 'list' };
  if (op === 'interval' || op === '间隔') {
    const value = rest[2];
    if (value === undefined) throw new InputError('reports.usage');
    const months = /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(months) || months < 1 || months > 12) throw new InputError('reports.badInterval', { value });
    return { sub: 'reports', ref: r, op: 'interval', months };
  }
  if (op === 'review' || op === '审阅') {
    const which = rest[2];
    const outcome = rest[3]?.toLowerCase();
    if (which === undefined || outcome === undefined) throw new InputError('reports.usage');
    const status = ({ accepted: 'accepted', 通过: 'accepted', followup: 'followUp', 跟进: 'followUp' } as const)[
      outcome as 'accepted'
    ];
    if (!status) throw new InputError('reports.badReviewStatus', { value: rest[3]! });
    const note = rest.slice(4).join(' ').trim();
    return { sub: 'reports', ref: r, op: 'review', which, status, note: note || null };
  }
  throw new InputError('reports.usage');
}
