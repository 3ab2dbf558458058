import { h } from './dom.ts';
import { renderElement } from './elements.ts';
import { w } from './i18n.ts';
import { plain, textObject } from './mrkdwn.ts';
import { type Element, type Json, type RenderContext, safeUrl } from './render-context.ts';
import { richText } from './rich-text.ts';

export type { ElementAction, FormState, RenderContext } from './render-context.ts';

type Block = Json & { type: string; block_id?: string };

/** Renders a list of blocks; a block type the sandbox does not know shows as a visible placeholder. */
export function renderBlocks(blocks: unknown[], ctx: RenderContext): HTMLElement {
  return h(
    'div',
    { class: 'blocks' },
    blocks.map((b, i) => renderBlock(b as Block, i, ctx)),
  );
}

function renderBlock(block: Block, index: number, ctx: RenderContext): HTMLElement {
  const blockId = block.block_id ?? `b${index}`;
  switch (block.type) {
    case 'header':
      return h('div', { class: 'block header' }, plain(block.text));
    case 'divider':
      return h('hr', { class: 'block divider' });
    case 'section': {
      const fields = Array.isArray(block.fields)
        ? h(
            'div',
            { class: 'fields' },
            block.fields.map((f) => h('div', { class: 'field' }, textObject(f, ctx.names))),
          )
        : null;
      const accessory = block.accessory
        ? h('div', { class: 'accessory' }, renderElement(block.accessory as Element, blockId, ctx))
        : null;
      return h(
        'div',
        { class: 'block section', 'data-block-id': blockId },
        h('div', { class: 'section-main' }, block.text ? textObject(block.text, ctx.names) : null, fields),
        accessory,
      );
    }
    case 'context':
      return h(
        'div',
        { class: 'block context' },
        ((block.elements as Element[] | undefined) ?? []).map((e) =>
          e.type === 'image'
            ? h('img', { src: safeUrl(e.image_url), alt: String(e.alt_text ?? ''), class: 'context-image' })
            : h('span', { class: 'context-item' }, textObject(e, ctx.names)),
        ),
      );
    case 'actions':
      return h(
        'div',
        { class: 'block actions', 'data-block-id': blockId },
        ((block.elements as Element[] | undefined) ?? []).map((e) => renderElement(e, blockId, ctx)),
      );
    case 'input':
      return renderInput(block, blockId, ctx);
    case 'image':
      return h(
        'figure',
        { class: 'block image' },
        block.title ? h('figcaption', {}, plain(block.title)) : null,
        h('img', { src: safeUrl(block.image_url), alt: String(block.alt_text ?? '') }),
      );
    case 'rich_text':
      return h('div', { class: 'block rich-text' }, richText(block.elements as Json[] | undefined, ctx));
    default:
      return h('div', { class: 'block unknown' }, w(ctx.lang, 'unknownBlock', { type: block.type }));
  }
}

function renderInput(block: Block, blockId: string, ctx: RenderContext): HTMLElement {
  const element = (block.element ?? {}) as Element;
  const error = ctx.errors?.[blockId];
  return h(
    'div',
    { class: `block input${error ? ' has-error' : ''}`, 'data-block-id': blockId },
    h(
      'label',
      { class: 'input-label' },
      plain(block.label),
      block.optional ? h('span', { class: 'optional' }, ` ${w(ctx.lang, 'optional')}`) : null,
    ),
    renderElement(element, blockId, ctx, { input: true, dispatch: block.dispatch_action === true }),
    block.hint ? h('div', { class: 'hint' }, plain(block.hint)) : null,
    error ? h('div', { class: 'error', role: 'alert' }, error) : null,
  );
}
