import { nameToEmoji } from 'gemoji';
import { type Child, h } from './dom.ts';

/** Names to show for mentions: people and channels by id. */
export interface Names {
  users: Record<string, string>;
  channels: Record<string, string>;
}

/** Slack's three escaped characters, turned back into text (the DOM escapes them again on the way out). */
function unslack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Emoji names (`:red_circle:`) as the emoji, as Slack shows them, from GitHub's gemoji list (Slack's names for the
 * common emoji are the same); a name it does not know stays as typed, as in Slack, so `12:00:00` is left alone.
 */
export function emojify(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => nameToEmoji[name] ?? whole);
}

/** Text as Slack shows it: unescaped, emoji names drawn. */
const shown = (text: string) => emojify(unslack(text));

// Slack's inline marks apply only at word boundaries: P-2026-001 or intake_submit stay as they are.
const INLINE =
  /<([^<>\n]+)>|`([^`\n]+)`|(?<![\p{L}\p{N}_*])\*(?!\s)([^*\n]+?)\*(?![\p{L}\p{N}_*])|(?<![\p{L}\p{N}_])_(?!\s)([^_\n]+?)_(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}~])~(?!\s)([^~\n]+?)~(?![\p{L}\p{N}~])/gu;

/** Inline mrkdwn (bold, italic, strike, code, links, mentions, dates) as DOM nodes. */
export function inline(text: string, names: Names): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(shown(text.slice(last, at)));
    last = at + m[0].length;
    if (m[1] !== undefined) out.push(angle(m[1], names));
    else if (m[2] !== undefined) out.push(h('code', {}, unslack(m[2])));
    else if (m[3] !== undefined) out.push(h('b', {}, inline(m[3], names)));
    else if (m[4] !== undefined) out.push(h('i', {}, inline(m[4], names)));
    else if (m[5] !== undefined) out.push(h('s', {}, inline(m[5], names)));
  }
  if (last < text.length) out.push(shown(text.slice(last)));
  return out;
}

/** One `<…>` token: a user or channel mention, a special mention, a date, or a link. */
function angle(token: string, names: Names): Child {
  const [target = '', label] = splitOnce(token, '|');
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return h('span', { class: 'mention', 'data-user': id }, `@${names.users[id] ?? label ?? id}`);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return h('span', { class: 'mention channel' }, `#${names.channels[id] ?? label ?? id}`);
  }
  if (target.startsWith('!date^')) {
    const [, seconds] = target.split('^');
    const date = new Date(Number(seconds) * 1000);
    return Number.isNaN(date.getTime())
      ? unslack(label ?? '')
      : h('time', { datetime: date.toISOString() }, unslack(label ?? date.toISOString()));
  }
  if (target.startsWith('!subteam^')) return h('span', { class: 'mention' }, `@${label ?? 'group'}`);
  if (target.startsWith('!')) return h('span', { class: 'mention' }, `@${target.slice(1)}`);
  const href = unslack(target);
  const safe = /^(https?:|mailto:)/i.test(href) ? href : undefined;
  return h('a', { href: safe, target: '_blank', rel: 'noopener noreferrer' }, unslack(label ?? target));
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

/** A mrkdwn text block: code blocks, quotes, lists and lines, each line's inline marks rendered. */
export function mrkdwn(text: string, names: Names): HTMLElement {
  const root = h('div', { class: 'mrkdwn' });
  const parts = text.split('```');
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      root.appendChild(h('pre', {}, unslack(part.replace(/^\n/, ''))));
      return;
    }
    const lines = part.split('\n');
    let quote: HTMLElement | undefined;
    let list: HTMLElement | undefined;
    lines.forEach((line, j) => {
      if (line === '' && (j === 0 || j === lines.length - 1) && parts.length > 1) return;
      const q = /^(&gt;|>)\s?(.*)$/.exec(line);
      const item = /^\s*([•◦▪\-*]|\d+[.)])\s+(.*)$/.exec(line);
      if (q) {
        list = undefined;
        quote ??= root.appendChild(h('blockquote'));
        quote.appendChild(h('div', {}, inline(q[2] ?? '', names)));
        return;
      }
      quote = undefined;
      if (item) {
        const ordered = /\d/.test(item[1]!);
        if (!list || (list.tagName === 'OL') !== ordered) list = root.appendChild(h(ordered ? 'ol' : 'ul'));
        list.appendChild(h('li', {}, inline(item[2] ?? '', names)));
        return;
      }
      list = undefined;
      root.appendChild(h('div', { class: line === '' ? 'line empty' : 'line' }, inline(line, names)));
    });
  });
  return root;
}

/** A text object (plain_text or mrkdwn) as DOM. */
export function textObject(obj: unknown, names: Names): HTMLElement {
  const t = obj as { type?: string; text?: string } | undefined;
  if (!t || typeof t.text !== 'string') return h('span');
  const emoji = (t as { emoji?: boolean }).emoji !== false;
  return t.type === 'mrkdwn' ? mrkdwn(t.text, names) : h('span', { class: 'plain' }, emoji ? emojify(t.text) : t.text);
}

/** A text object's plain words (for buttons, options, titles). */
export function plain(obj: unknown): string {
  const t = obj as { text?: string } | undefined;
  return typeof t?.text === 'string' ? shown(t.text) : '';
}
