import type { KnownBlock } from '@slack/types';
import { formatDate } from '../../i18n/format.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { machineLabel, stageLabel } from '../../i18n/labels.ts';
import { LIST, type ListPage } from '../../projects/ids.ts';
import type { ProjectFilter, ProjectPage } from '../../projects/list-projects.ts';
import type { SlackMessage } from '../../slack/message.ts';
import { button, context, mrkdwnSection } from '../shared/blocks.ts';
import { escapeMrkdwn } from '../shared/mrkdwn.ts';

/** A compact page of projects: one line each with stage, owner and the nearest deadline; "more" pages on. */
export function projectListMessage(page: ProjectPage, filter: ProjectFilter, lang: Lang): SlackMessage {
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
