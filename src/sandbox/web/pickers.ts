import { h } from './dom.ts';
import { w } from './i18n.ts';
import { plain } from './mrkdwn.ts';
import { current, type Element, type RenderContext, useValue } from './render-context.ts';

// Slack reads a datetimepicker's wall time in the person's zone; every seeded person is in Shanghai (workspace.ts).
const OFFSET = '+08:00';

/** A datepicker or timepicker: Slack sends `selected_date` (YYYY-MM-DD) or `selected_time` (HH:mm). */
export function dateOrTimePicker(e: Element, blockId: string, ctx: RenderContext, acts: boolean): HTMLElement {
  const date = e.type === 'datepicker';
  const kept = current(ctx, blockId, e);
  return h('input', {
    id: `${blockId}.${e.action_id ?? ''}`,
    type: date ? 'date' : 'time',
    'data-action-id': e.action_id,
    value: String((date ? kept?.selected_date : kept?.selected_time) ?? ''),
    'aria-label': plain(e.placeholder) || w(ctx.lang, date ? 'chooseDate' : 'chooseTime'),
    onchange: (ev: Event) => {
      const v = (ev.target as HTMLInputElement).value;
      useValue(ctx, blockId, e, date ? { type: e.type, selected_date: v } : { type: e.type, selected_time: v }, acts);
    },
  });
}

/**
 * A datetimepicker as Slack draws it, a date and a time side by side; Slack sends `selected_date_time`, seconds
 * since the epoch, once both are chosen (and nothing while one is missing).
 */
export function dateTimePicker(e: Element, blockId: string, ctx: RenderContext, acts: boolean): HTMLElement {
  const kept = current(ctx, blockId, e)?.selected_date_time;
  const [initialDate, initialTime] = typeof kept === 'number' ? wallTime(kept) : ['', ''];
  const date = h('input', {
    type: 'date',
    value: initialDate,
    'data-part': 'date',
    'aria-label': w(ctx.lang, 'chooseDate'),
  }) as HTMLInputElement;
  const time = h('input', {
    type: 'time',
    value: initialTime,
    'data-part': 'time',
    'aria-label': w(ctx.lang, 'chooseTime'),
  }) as HTMLInputElement;
  const changed = () => {
    if (!date.value || !time.value) {
      if (ctx.form?.[blockId]) delete ctx.form[blockId]![e.action_id ?? 'action'];
      return;
    }
    const seconds = Math.floor(Date.parse(`${date.value}T${time.value}:00${OFFSET}`) / 1000);
    useValue(ctx, blockId, e, { type: 'datetimepicker', selected_date_time: seconds }, acts);
  };
  date.addEventListener('change', changed);
  time.addEventListener('change', changed);
  return h(
    'div',
    { class: 'datetime', id: `${blockId}.${e.action_id ?? ''}`, 'data-action-id': e.action_id },
    date,
    time,
  );
}

/** The Shanghai wall date and time (YYYY-MM-DD, HH:mm) of a UNIX time in seconds. */
function wallTime(seconds: number): [string, string] {
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(seconds * 1000));
  const [d, t] = local.split(' ');
  return [d ?? '', t ?? ''];
}
