import type { HomeView, KnownBlock } from '@slack/types';
import type { HomeData, HomeDue } from '../../home/get-home.ts';
import { HOME } from '../../home/ids.ts';
import { HOME_TAKE } from '../../home/limits.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { machineLabel, stageLabel } from '../../i18n/labels.ts';
import { LIST, type ListPage } from '../../projects/ids.ts';
import { button, context, LIMITS, mrkdwnSection, plain } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

type Block = KnownBlock;

// Room left in a section for the heading and the "more" hint when its lines are cut.
const SECTION_ROOM = LIMITS.sectionText - 200;

const REVIEW_STATUS = { assigned: 'home.review.assigned', accepted: 'home.review.accepted' } as const;

const due = (lang: Lang, d: HomeDue | null): string =>
  d
    ? t(lang, d.missed ? 'list.dueMissed' : 'list.due', {
        kind: machineLabel(lang, `deadline.${d.kind}`),
        date: formatDate(lang, d.dueDate),
      })
    : '';

const projectLine = (ref: string, title: string, ...parts: string[]) =>
  [`*${ref}* ${escapeMrkdwn(title)}`, ...parts.filter(Boolean)].join(' · ');

const drill = (lang: Lang, key: MessageKey, params: Record<string, string | number>, value: ListPage, suffix: string) =>
  button(t(lang, key, params), JSON.stringify(value), HOME.drillAction(suffix));

/**
 * A heading and bulleted lines in one section, cut at a whole line when Slack's 3000 characters would be exceeded;
 * what did not fit (and what the query did not read) is counted in a "more…" hint.
 */
function linesBlocks(lang: Lang, heading: string, lines: string[], total: number): Block[] {
  const kept: string[] = [];
  let length = [...heading].length;
  for (const line of lines) {
    const add = [...line].length + 1;
    if (length + add > SECTION_ROOM) break;
    kept.push(line);
    length += add;
  }
  const hidden = Math.max(0, total - kept.length);
  const body = kept.length < lines.length ? [...kept, '…'] : kept;
  const blocks: Block[] = [mrkdwnSection([heading, ...body].filter(Boolean).join('\n'))];
  if (hidden > 0) blocks.push(context(t(lang, 'home.more', { count: hidden })));
  return blocks;
}

function myProjects(data: HomeData, lang: Lang): Block[] {
  // One section per project (each with its button): bounded here too, whatever the caller read.
  const items = data.myProjects.items.slice(0, HOME_TAKE);
  const { total } = data.myProjects;
  const blocks: Block[] = [mrkdwnSection(t(lang, 'home.mine', { total }))];
  if (items.length === 0) return [...blocks, context(t(lang, 'home.mineEmpty'))];
  for (const p of items) {
    blocks.push({
      ...mrkdwnSection(projectLine(p.ref, p.title, stageLabel(lang, p.machine, p.stage), due(lang, p.nextDue))),
      accessory: button(t(lang, 'list.open'), p.ref, `${LIST.showAction}.${p.ref}`),
    });
  }
  if (total > items.length) {
    blocks.push(context(t(lang, 'home.more', { count: total - items.length })));
    blocks.push({
      type: 'actions',
      elements: [drill(lang, 'home.allMine', {}, { f: { kind: 'mine' }, n: 1 }, 'mine')],
    });
  }
  return blocks;
}

function reviews(data: HomeData, lang: Lang): Block[] {
  const heading = t(lang, 'home.reviews', { total: data.reviews.total });
  if (data.reviews.items.length === 0) return [mrkdwnSection(heading), context(t(lang, 'home.reviewsEmpty'))];
  const lines = data.reviews.items.map(
    (r) => `• ${projectLine(r.ref, r.title, r.status ? t(lang, REVIEW_STATUS[r.status]) : '', due(lang, r.due))}`,
  );
  return linesBlocks(lang, heading, lines, data.reviews.total);
}

function waiting(data: HomeData, lang: Lang): Block[] {
  const { deadlines, decisions } = data.waiting;
  const heading = t(lang, 'home.waiting');
  if (deadlines.items.length === 0 && decisions.items.length === 0)
    return [mrkdwnSection(heading), context(t(lang, 'home.waitingEmpty'))];
  const blocks: Block[] = [];
  if (deadlines.items.length > 0) {
    const lines = deadlines.items.map((d) => `• ${projectLine(d.ref, d.title, due(lang, d))}`);
    blocks.push(...linesBlocks(lang, heading, lines, deadlines.total));
  }
  if (decisions.items.length > 0) {
    const lines = decisions.items.map((d) =>
      t(lang, 'home.decision', {
        ref: d.ref,
        title: escapeMrkdwn(d.title),
        decision: machineLabel(lang, `decision.${d.kind}`),
        proposer: `<@${d.proposedBy}>`,
      }),
    );
    blocks.push(...linesBlocks(lang, blocks.length === 0 ? heading : '', lines, decisions.total));
  }
  return blocks;
}

function pipeline(data: HomeData, lang: Lang): Block[] {
  const p = data.pipeline;
  if (!p) return [];
  const blocks: Block[] = [{ type: 'divider' }, mrkdwnSection(t(lang, 'home.pipeline', { missed: p.missedDeadlines }))];
  for (const track of p.tracks) {
    const trackName = t(lang, track.track === 'coaching' ? 'card.track.coaching' : 'card.track.pilot');
    const heading = t(lang, 'home.pipelineTrack', { track: trackName, total: track.total });
    if (track.stages.length === 0) {
      blocks.push(mrkdwnSection(heading), context(t(lang, 'home.pipelineEmpty')));
      continue;
    }
    const lines = track.stages.map((s) =>
      t(lang, 'home.stageCount', { stage: stageLabel(lang, track.machine, s.stage), count: s.count }),
    );
    blocks.push(...linesBlocks(lang, heading, lines, track.stages.length));
    // The list's stage filter does not narrow by track; a stage shared by both tracks lists both, each line labelled.
    const buttons = [
      drill(
        lang,
        'home.trackButton',
        { track: trackName },
        { f: { kind: 'track', track: track.track }, n: 1 },
        track.track,
      ),
      ...track.stages.map((s) =>
        button(
          stageLabel(lang, track.machine, s.stage),
          JSON.stringify({ f: { kind: 'stage', stage: s.stage }, n: 1 } satisfies ListPage),
          HOME.drillAction(`${track.track}.${s.stage}`),
        ),
      ),
    ];
    blocks.push({ type: 'actions', elements: buttons.slice(0, LIMITS.actionsElements) });
  }
  blocks.push({
    type: 'actions',
    elements: [drill(lang, 'home.overdueButton', {}, { f: { kind: 'overdue' }, n: 1 }, 'overdue')],
  });
  return blocks;
}

/** The Home tab of one person: their projects, reviews, what waits on them, and for managers the pipeline. */
export function appHomeView(data: HomeData, lang: Lang): HomeView {
  const blocks: Block[] = [
    { type: 'header', text: plain(t(lang, 'home.title'), LIMITS.headerText) },
    ...myProjects(data, lang),
    { type: 'divider' },
    ...reviews(data, lang),
    { type: 'divider' },
    ...waiting(data, lang),
    ...pipeline(data, lang),
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
