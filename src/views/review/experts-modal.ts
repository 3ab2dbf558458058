import type { ModalView, SectionBlock } from '@slack/types';
import { type Lang, t } from '../../i18n/index.ts';
import { EXPERT_TAG_KEYS, EXPERT_TAGS, EXPERTS } from '../../review/ids.ts';
import type { Candidate } from '../../review/rank-experts.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { button, context, inputBlock, LIMITS, mrkdwnSection, plain, truncate } from '../shared/blocks.ts';

const { blocks } = EXPERTS;
const TAG_KEYS = EXPERT_TAG_KEYS;

/** An expertise tag's label in the reader's language. */
export function tagLabel(lang: Lang, tag: string): string {
  return tag in TAG_KEYS ? t(lang, TAG_KEYS[tag as keyof typeof TAG_KEYS]) : tag;
}

/** The affiliations as the modal's text box shows them: `name | code | end date`, one per line. */
export function affiliationsText(affiliations: Candidate['affiliations']): string {
  return affiliations
    .map((a) => [a.name, a.uscc ?? '', a.endedOn ?? ''].join(' | ').replace(/( \| )+$/, ''))
    .join('\n');
}

/** The expert modal (issue 6): who, expertise tags, load cap, away from/until, affiliations with codes and end dates. */
export function expertModal(lang: Lang, expert?: Candidate): ModalView {
  const tagOptions = EXPERT_TAGS.map((tag) => ({ text: plain(tagLabel(lang, tag), LIMITS.optionText), value: tag }));
  const selected = tagOptions.filter((o) => expert?.tags.includes(o.value));
  const date = (d: string | null | undefined) => (d ? { initial_date: d } : {});
  return {
    type: 'modal',
    callback_id: EXPERTS.callbackId,
    title: plain(t(lang, 'experts.modal.title'), LIMITS.modalTitle),
    submit: plain(t(lang, 'modal.submit'), LIMITS.modalButton),
    close: plain(t(lang, 'modal.cancel'), LIMITS.modalButton),
    blocks: [
      inputBlock(blocks.user, t(lang, 'experts.field.user'), {
        type: 'users_select',
        ...(expert ? { initial_user: expert.userId } : {}),
      }),
      inputBlock(
        blocks.tags,
        t(lang, 'experts.field.tags'),
        { type: 'multi_static_select', options: tagOptions, ...(selected.length ? { initial_options: selected } : {}) },
        { optional: true },
      ),
      inputBlock(blocks.maxLoad, t(lang, 'experts.field.maxLoad'), {
        type: 'number_input',
        is_decimal_allowed: false,
        min_value: '1',
        max_value: '20',
        initial_value: String(expert?.maxLoad ?? 3),
      }),
      inputBlock(
        blocks.awayFrom,
        t(lang, 'experts.field.awayFrom'),
        { type: 'datepicker', ...date(expert?.awayFrom) },
        { optional: true },
      ),
      inputBlock(
        blocks.awayUntil,
        t(lang, 'experts.field.awayUntil'),
        { type: 'datepicker', ...date(expert?.awayUntil) },
        { optional: true },
      ),
      inputBlock(
        blocks.affiliations,
        t(lang, 'experts.field.affiliations'),
        {
          type: 'plain_text_input',
          multiline: true,
          max_length: 3000,
          ...(expert && expert.affiliations.length > 0
            ? { initial_value: truncate(affiliationsText(expert.affiliations), 3000) }
            : {}),
        },
        { optional: true },
      ),
      context(t(lang, 'experts.field.affiliationsHint')),
    ],
  };
}

/** `/pilot experts`: the pool with tags, load and absences, an edit button each, and how to switch auto assignment. */
export function expertsMessage(lang: Lang, data: { experts: Candidate[]; autoAssign: boolean }): SlackMessage {
  const head = t(lang, 'experts.list.title', { count: data.experts.length });
  const auto = t(lang, data.autoAssign ? 'experts.auto.on' : 'experts.auto.off');
  const rows = data.experts.slice(0, 40).map(
    (e): SectionBlock => ({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          t(lang, 'experts.list.row', {
            user: `<@${e.userId}>`,
            tags: e.tags.map((tag) => tagLabel(lang, tag)).join('、') || '—',
            load: e.load,
            max: e.maxLoad,
            away: e.awayFrom || e.awayUntil ? `${e.awayFrom ?? '…'}–${e.awayUntil ?? '…'}` : '—',
            affiliations: e.affiliations.length,
          }),
          LIMITS.sectionText,
        ),
      },
      accessory: button(t(lang, 'experts.edit'), e.userId, `${EXPERTS.editAction}.${e.userId}`),
    }),
  );
  return {
    text: `${head}\n${auto}`,
    blocks: [
      mrkdwnSection(head),
      ...rows,
      context(auto),
      { type: 'actions', elements: [button(t(lang, 'experts.add'), 'add', EXPERTS.addAction, 'primary')] },
    ],
  };
}
