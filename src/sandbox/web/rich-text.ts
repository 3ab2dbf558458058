import { type Child, h } from './dom.ts';
import { w } from './i18n.ts';
import { inline } from './mrkdwn.ts';
import { type Json, type RenderContext, safeUrl } from './render-context.ts';

/** A rich_text block's sections, lists, quotes and preformatted parts. */
export function richText(elements: Json[] | undefined, ctx: RenderContext): Child[] {
  return (elements ?? []).map((el) => {
    const items = (el.elements as Json[] | undefined) ?? [];
    switch (el.type) {
      case 'rich_text_section':
        return h(
          'div',
          {},
          items.map((i) => richInline(i, ctx)),
        );
      case 'rich_text_list':
        return h(
          el.style === 'ordered' ? 'ol' : 'ul',
          {},
          items.map((i) => h('li', {}, richText([i], ctx))),
        );
      case 'rich_text_quote':
        return h(
          'blockquote',
          {},
          items.map((i) => richInline(i, ctx)),
        );
      case 'rich_text_preformatted':
        return h(
          'pre',
          {},
          items.map((i) => String(i.text ?? '')),
        );
      default:
        return h('span', { class: 'unknown' }, w(ctx.lang, 'unknownElement', { type: String(el.type) }));
    }
  });
}

function richInline(item: Json, ctx: RenderContext): Child {
  const style = (item.style ?? {}) as Record<string, boolean>;
  let node: Child;
  switch (item.type) {
    case 'text':
      node = String(item.text ?? '');
      break;
    case 'link':
      node = h(
        'a',
        { href: safeUrl(item.url), target: '_blank', rel: 'noopener noreferrer' },
        String(item.text ?? item.url),
      );
      break;
    case 'user':
      node = inline(`<@${String(item.user_id)}>`, ctx.names);
      break;
    case 'channel':
      node = inline(`<#${String(item.channel_id)}>`, ctx.names);
      break;
    case 'emoji':
      node = String(item.unicode ? String.fromCodePoint(Number.parseInt(String(item.unicode), 16)) : `:${item.name}:`);
      break;
    default:
      node = h('span', { class: 'unknown' }, w(ctx.lang, 'unknownElement', { type: String(item.type) }));
  }
  if (style.code) node = h('code', {}, node);
  if (style.bold) node = h('b', {}, node);
  if (style.italic) node = h('i', {}, node);
  if (style.strike) node = h('s', {}, node);
  return node;
}
