import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import { formatDate } from '../i18n/format.ts';
import { type Lang, t } from '../i18n/index.ts';
import { machineLabel } from '../i18n/labels.ts';
import type { ProjectFilter, ProjectPage } from '../projects/list-projects.ts';
import { button, context, mrkdwnSection } from './blocks.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { stageLabel } from './project-card.ts';

/** Slack IDs of list paging; the button value is a zod-checked object. */
export const LIST = { pageAction: 'list.page', showAction: 'list.show' } as const;

export const ListPageSchema = z.object({
  f: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('stage'), stage: z.string().max(100) }),
    z.object({ kind: z.literal('track'), track: z.enum(['pilot', 'coaching']) }),
    z.object({ kind: z.literal('mine') }),
    z.object({ kind: z.literal('overdue') }),
    z.object({ kind: z.literal('batch'), name: z.string().max(100) }),
  ]),
  n: z.number().int().min(1),
});
export type ListPage = z.infer<typeof ListPageSchema>;

/** A compact page of projects: one line each with stage, owner and the nearest deadline; "more" pages on. */
export function projectListMessage(page: ProjectPage, filter: ProjectFilter, lang: Lang) {
  const text = t(lang, 'list.title', { total: page.total, page: page.page, pages: page.pages });
  const blocks: KnownBlock[] = [mrkdwnSection(text)];
  if (page.items.length === 0) blocks.push(context(t(lang, 'list.empty')));
  for (const item of page.items) {
    const due = item.nextDue
      ? t(lang, item.nextDue.missed ? 'list.dueMissed' : 'list.due', {
          kind: machineLabel(lang, `deadline.${item.nextDue.kind}`),
          date: formatDate(lang, item.nextDue.dueDate),
        })
      : '';
    blocks.push({
      ...mrkdwnSection(
        `*${item.ref}* ${escapeMrkdwn(item.title)}\n${stageLabel(lang, item.machine, item.stage)} · <@${item.ownerId}>${due ? ` · ${due}` : ''}`,
      ),
      accessory: button(t(lang, 'list.open'), item.ref, `${LIST.showAction}.${item.ref}`),
    });
  }
  if (page.page < page.pages) {
    const next: ListPage = { f: filter, n: page.page + 1 };
    blocks.push({ type: 'actions', elements: [button(t(lang, 'list.more'), JSON.stringify(next), LIST.pageAction)] });
  }
  return { text, blocks };
}
