import type { KnownBlock, ModalView } from '@slack/types';
import { RECOMMENDATIONS, SCORES } from '../../../machines/pilot/events.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { REVIEW } from '../../review/ids.ts';
import type { ReviewFormData } from '../../review/open-review-form.ts';
import { context, inputBlock, LIMITS, mrkdwnSection, plain, truncate } from '../shared/blocks.ts';

const { blocks } = REVIEW;
const SCORE_KEYS = {
  1: 'review.score.1',
  2: 'review.score.2',
  3: 'review.score.3',
  4: 'review.score.4',
  5: 'review.score.5',
} as const;

/** The accept modal: the conflict-of-interest and confidentiality declaration must be ticked to accept (issue 6). */
export function acceptModal(lang: Lang, projectId: string, ref: string): ModalView {
  return {
    type: 'modal',
    callback_id: REVIEW.acceptCallbackId,
    private_metadata: JSON.stringify({ p: projectId }),
    title: plain(t(lang, 'review.accept.title'), LIMITS.modalTitle),
    submit: plain(t(lang, 'review.invite.accept'), LIMITS.modalButton),
    close: plain(t(lang, 'modal.cancel'), LIMITS.modalButton),
    blocks: [
      mrkdwnSection(t(lang, 'review.accept.intro', { ref })),
      inputBlock(blocks.declaration, t(lang, 'review.accept.label'), {
        type: 'checkboxes',
        options: [
          {
            text: plain(truncate(machineLabel(lang, 'field.declaration'), LIMITS.optionText), LIMITS.optionText),
            description: plain(t(lang, 'review.accept.detail'), LIMITS.optionText),
            value: REVIEW.declarationValue,
          },
        ],
      }),
    ],
  };
}

const text = (value: string | number | undefined) => (value === undefined ? {} : { initial_value: String(value) });
const option = (lang: Lang, field: string, value: string) => ({
  text: plain(machineLabel(lang, `option.${field}.${value}`), LIMITS.optionText),
  value,
});

/**
 * The review form (issue 6): per criterion a score 1–5 and a comment, the recommendation, a confidential note. For the
 * simplified review (R-COA-7) the two focus criteria and the coaching evaluation's conclusions. Closing it keeps a
 * draft (notify_on_close → view_closed).
 */
export function reviewFormModal(lang: Lang, data: ReviewFormData): ModalView {
  const scoreOptions = SCORES.map((s) => ({
    text: plain(t(lang, SCORE_KEYS[s]), LIMITS.optionText),
    value: String(s),
  }));
  const intro: KnownBlock[] = [
    mrkdwnSection(
      t(lang, data.amending ? 'review.form.amending' : 'review.form.intro', { ref: data.ref, title: data.title }),
    ),
  ];
  if (data.simplified) {
    const lines = data.coaching.map((c) =>
      t(lang, 'review.form.coachingLine', {
        ref: c.ref,
        outcome: c.outcome ? machineLabel(lang, `option.outcome.${c.outcome}`) : '—',
        letterDate: c.letterDate ?? '—',
        letterRef: c.letterRef ?? '—',
        publishedOn: c.publishedOn ?? '—',
      }),
    );
    intro.push(
      context(`${t(lang, 'review.form.simplified')}\n${lines.join('\n') || t(lang, 'review.form.noCoaching')}`),
    );
  }
  const criteria = data.criteria.flatMap((c) => {
    const score = data.values[c];
    const selected = scoreOptions.find((o) => o.value === String(score));
    return [
      inputBlock(blocks.score(c), `${machineLabel(lang, `field.${c}`)} (1–5)`, {
        type: 'static_select',
        options: scoreOptions,
        ...(selected ? { initial_option: selected } : {}),
      }),
      inputBlock(blocks.comment(c), machineLabel(lang, `field.${c}Comment`), {
        type: 'plain_text_input',
        multiline: true,
        max_length: 3000,
        ...text(data.values[`${c}Comment`]),
      }),
    ];
  });
  const recommendation = data.values.recommendation;
  const recommendations = RECOMMENDATIONS.map((r) => option(lang, 'recommendation', r));
  const chosen = recommendations.find((o) => o.value === recommendation);
  return {
    type: 'modal',
    callback_id: REVIEW.formCallbackId,
    notify_on_close: true,
    private_metadata: JSON.stringify({ p: data.projectId }),
    title: plain(t(lang, 'review.form.title'), LIMITS.modalTitle),
    submit: plain(t(lang, 'modal.submit'), LIMITS.modalButton),
    close: plain(t(lang, 'review.form.keepDraft'), LIMITS.modalButton),
    blocks: [
      ...intro,
      ...criteria,
      inputBlock(blocks.recommendation, machineLabel(lang, 'field.recommendation'), {
        type: 'static_select',
        options: recommendations,
        ...(chosen ? { initial_option: chosen } : {}),
      }),
      inputBlock(
        blocks.note,
        machineLabel(lang, 'field.confidentialNote'),
        { type: 'plain_text_input', multiline: true, max_length: 3000, ...text(data.values.confidentialNote) },
        { optional: true },
      ),
    ],
  };
}
