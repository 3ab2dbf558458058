import { describe, expect, it } from 'vitest';
import type { Placement } from '../../src/batches/list-waiting-applications.ts';
import type { SelectionRow } from '../../src/batches/selection-list.ts';
import { formatDate } from '../../src/i18n/format.ts';
import { LANGS, t } from '../../src/i18n/index.ts';
import { batchOpenedMessage, placementModal, placementResultModal } from '../../src/views/batches/placement.ts';
import { selectionListMessage } from '../../src/views/batches/selection-list.ts';

type Json = Record<string, unknown>;
const len = (s: unknown) => [...String(s ?? '')].length;
const text = (o: unknown) => (o as { text?: string } | undefined)?.text;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const LONG = '基于区块链与人工智能的跨境资本市场智能投顾与份额登记一体化平台'.repeat(4).slice(0, 100);

/** Block Kit's limits the batch views must respect, written out here (api.slack.com/reference/block-kit). */
function problems(blocks: Json[], max: number, view?: Json): string[] {
  const out: string[] = [];
  const over = (what: string, value: number, limit: number) =>
    value > limit && out.push(`${what}: ${value} > ${limit}`);
  over('blocks', blocks.length, max);
  if (view) {
    over('title', len(text(view.title)), 24);
    over('submit', len(text(view.submit)), 24);
    over('close', len(text(view.close)), 24);
    over('private_metadata', len(view.private_metadata), 3000);
    if (blocks.some((b) => b.type === 'input') && !view.submit) out.push('input without a submit button');
  }
  for (const b of blocks) {
    if (b.type === 'section') over('section', len(text(b.text)), 3000);
    const elements = [...((b.elements as Json[]) ?? []), ...(b.element ? [b.element as Json] : [])];
    for (const e of elements) {
      if (e.type === 'button') over('button', len(text(e.text)), 75);
      const options = (e.options as Json[]) ?? [];
      over(`${String(e.type)} options`, options.length, e.type === 'checkboxes' ? 10 : 100);
      for (const o of options) {
        over('option text', len(text(o.text)), 75);
        over('option value', len(o.value), 150);
        if (o.description && e.type !== 'checkboxes') out.push('an option description outside checkboxes');
        over('option description', len(text(o.description)), 75);
      }
    }
  }
  if (/\{[a-zA-Z]+\}/.test(JSON.stringify(blocks))) out.push('an unfilled placeholder');
  return out;
}

const placement = (n: number): Placement => ({
  batch: { id: uuid(0), name: '批'.repeat(100), opensOn: '2026-11-26', closesOn: '2026-12-31', status: 'open' },
  waiting: Array.from({ length: n }, (_, i) => ({
    id: uuid(i + 1),
    ref: `P-2026-${String(i + 1).padStart(3, '0')}`,
    title: LONG,
    submittedOn: '2026-11-20',
  })),
});

const row = (i: number): SelectionRow => ({
  ref: `P-2026-${String(i).padStart(3, '0')}`,
  title: LONG,
  institutions: Array.from({ length: 5 }, (_, k) => ({
    name: '机'.repeat(200),
    uscc: '91310000MA1FL00010',
    institutionType: 'securitiesCompany',
    lead: k === 0,
  })),
  scenario: '景'.repeat(2000),
  technologies: ['bigData', 'cloud', 'ai', 'blockchain', 'otherNewIt'],
  selectedOn: '2026-12-01',
  review: {
    reviews: 3,
    meanScores: { legalCompliance: 4.3, orderlyInnovation: 4, riskControllability: 3.7, policyFit: 4 },
    recommendations: { pass: 2, moreInformation: 1 },
  },
});

describe('the batch views (R-BATCH-1, R-APP-3) within Block Kit limits, in both languages', () => {
  for (const lang of LANGS) {
    it(`R-BATCH-1: the placement form, its outcome and the offer (${lang})`, () => {
      for (const n of [0, 1, 10, 11, 100]) {
        const view = placementModal(lang, placement(n)) as unknown as Json;
        expect(problems(view.blocks as Json[], 100, view)).toEqual([]);
        const input = (view.blocks as Json[]).find((b) => b.type === 'input');
        expect(Boolean(input)).toBe(n > 0);
        if (input) {
          const element = input.element as { type: string; initial_options: unknown[] };
          expect(element.type).toBe(n <= 10 ? 'checkboxes' : 'multi_static_select');
          expect(element.initial_options).toHaveLength(n);
        }
        const offer = batchOpenedMessage(lang, 'ok', placement(n));
        expect(problems(offer.blocks as unknown as Json[], 50)).toEqual([]);
        expect(offer.blocks.some((b) => b.type === 'actions')).toBe(n > 0);
      }
      // Right after the batch form with nothing waiting, or for a batch already over: a confirmation, no input.
      const sectionText = (v: { blocks: unknown[] }) => v.blocks.map((b) => text((b as Json).text) ?? '').join('\n');
      const none = sectionText(placementModal(lang, placement(0), true));
      expect(none).toContain(
        t(lang, 'batch.opened', {
          name: '批'.repeat(100),
          opens: formatDate(lang, '2026-11-26'),
          closes: formatDate(lang, '2026-12-31'),
        }),
      );
      expect(none).toContain(t(lang, 'rules.batch.noneWaiting', { name: '批'.repeat(100) }));
      expect(sectionText(placementModal(lang, placement(0)))).not.toContain(
        t(lang, 'batch.opened', {
          name: '批'.repeat(100),
          opens: formatDate(lang, '2026-11-26'),
          closes: formatDate(lang, '2026-12-31'),
        }),
      );
      const over = placement(3);
      const closed = placementModal(lang, { ...over, batch: { ...over.batch, status: 'closed' } }, true);
      expect(closed.blocks.some((b) => b.type === 'input')).toBe(false);
      expect(closed.callback_id).toBeUndefined();
      const result = placementResultModal(lang, {
        batch: '批'.repeat(100),
        moved: Array.from({ length: 50 }, (_, i) => `P-2026-${i}`),
        refused: Array.from({ length: 50 }, (_, i) => ({
          ref: `P-2026-${100 + i}`,
          error: { key: 'error.eventNotAllowedNow', params: { ref: 'P', event: 'e', stage: '@state.pilot.screening' } },
        })),
      }) as unknown as Json;
      expect(problems(result.blocks as Json[], 100, result)).toEqual([]);
    });

    it(`R-APP-3: the selection list with many long rows, and with none (${lang})`, () => {
      const batch = placement(0).batch;
      const full = selectionListMessage(lang, { batch, rows: Array.from({ length: 60 }, (_, i) => row(i + 1)) });
      expect(problems(full.blocks as unknown as Json[], 50)).toEqual([]);
      expect(full.blocks).toHaveLength(50);
      expect(JSON.stringify(full.blocks.at(-1))).toContain('12');
      const empty = selectionListMessage(lang, { batch, rows: [] });
      expect(problems(empty.blocks as unknown as Json[], 50)).toEqual([]);
    });
  }
});
