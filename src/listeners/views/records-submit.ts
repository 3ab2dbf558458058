import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { type Lang, t } from '../../i18n/index.ts';
import { RECORDS, RecordRefSchema } from '../../records/ids.ts';
import { EDITABLE, RECORD_KINDS } from '../../records/kinds.ts';
import { noticeModal } from '../../views/shared/working-modal.ts';
import type { CommonWiring, RecordsWiring } from '../../wiring/index.ts';
import { parseMetadata } from '../metadata.ts';
import { submitWithin } from './ack-within.ts';
import { readInput } from './read-values.ts';
import { viewErrorResponse } from './view-errors.ts';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Services = CommonWiring & RecordsWiring;

const FIELDS = [
  ...new Set([...RECORD_KINDS.flatMap((k) => EDITABLE[k].map((f) => f.field)), 'dueDate', 'evidence', 'closedOn']),
];
const BLOCKS = Object.fromEntries(FIELDS.map((f) => [f, RECORDS.fieldBlock(f)]));

/** The submitted form's fields by name (only those the form had). */
function valuesOf(view: Args['view']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const field of FIELDS) {
    const block = RECORDS.fieldBlock(field);
    if (!view.state.values[block]) continue;
    const v = readInput(view.state.values, block, RECORDS.fieldAction);
    out[field] = typeof v === 'string' ? v : '';
  }
  return out;
}

/** One handler per record form: parse, call the use case; the outcome replaces the form, in the person's language. */
function submit(
  services: Services,
  run: (userId: string, r: string, v: Record<string, string | undefined>, lang: Lang) => Promise<string>,
) {
  return async ({ ack, view, body, client }: Args) => {
    const userId = body.user.id;
    const lang = await services.langFor(userId);
    await submitWithin(
      ack,
      async () => {
        const { r } = parseMetadata(RecordRefSchema, view.private_metadata);
        const text = await run(userId, r, valuesOf(view), lang);
        return { response_action: 'update', view: noticeModal(lang, text) as never };
      },
      {
        client,
        userId,
        lang: async () => lang,
        errors: (error) =>
          viewErrorResponse(error, lang, BLOCKS, Object.values(BLOCKS).find((b) => view.state.values[b]) ?? ''),
        viewId: view.id,
      },
    );
  };
}

/** The edit form: the changed fields are saved with their trail. */
export const recordEditSubmit = (services: Services) =>
  submit(services, async (userId, r, v, lang) => {
    const { changed } = await services.records.edit(userId, r, v);
    return changed.length === 0
      ? t(lang, 'records.unchanged')
      : t(lang, 'records.edited', { fields: changed.map((f) => t(lang, `records.field.${f}` as never)).join('、') });
  });

/** A finding's "open rectification item" form. */
export const recordOpenItemSubmit = (services: Services) =>
  submit(services, async (userId, r, v, lang) => {
    const { key } = await services.records.openItem(userId, r, {
      requiredChange: v.requiredChange ?? '',
      dueDate: v.dueDate ?? '',
    });
    return t(lang, 'records.itemOpened', { key });
  });

/** A rectification item's "close" form. */
export const recordCloseItemSubmit = (services: Services) =>
  submit(services, async (userId, r, v, lang) => {
    const { key, late } = await services.records.closeItem(userId, r, {
      evidence: v.evidence ?? '',
      closedOn: v.closedOn ?? '',
    });
    return t(lang, late ? 'records.itemClosedLate' : 'records.itemClosed', { key });
  });
