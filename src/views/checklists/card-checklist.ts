import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { CardChecklist } from '../../checklists/card-checklist.ts';
import { CHECKLIST, type TickRef } from '../../checklists/ids.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { machineLabel } from '../../i18n/labels.ts';
import { LIMITS, plain, truncate } from '../shared/blocks.ts';

/** An item's label: exit items share the exit form's choices (option.item.*), incentives have their own. */
export function checklistItemLabel(lang: Lang, kind: CardChecklist['kind'], item: string): string {
  return machineLabel(lang, kind === 'exitPlan' ? `option.item.${item}` : `checklist.${item}`);
}

/**
 * The checklist on a project card (R-EXIT-6 while exiting, R-INC-1 once converted): each item done (who, which day)
 * or open, the exit plan's due date, and for the working group a tick button per open item, with a confirm dialog.
 */
export function checklistBlocks(projectId: string, checklist: CardChecklist, lang: Lang): KnownBlock[] {
  const open = checklist.items.filter((i) => i.done === null);
  const exit = checklist.kind === 'exitPlan';
  const title =
    open.length === 0
      ? t(lang, exit ? 'rules.checklist.exitTitleDone' : 'rules.checklist.incentivesTitleDone')
      : t(lang, exit ? 'rules.checklist.exitTitle' : 'rules.checklist.incentivesTitle', { open: open.length });
  const lines = checklist.items.map(({ item, done }) => {
    const label = checklistItemLabel(lang, checklist.kind, item);
    if (!done) return t(lang, 'rules.checklist.open', { item: label });
    if (!done.by) return t(lang, 'rules.checklist.doneUnknown', { item: label });
    return t(lang, 'rules.checklist.done', { item: label, who: `<@${done.by}>`, date: formatDate(lang, done.on) });
  });
  if (checklist.dueDate && open.length > 0)
    lines.unshift(t(lang, 'rules.checklist.exitDue', { date: formatDate(lang, checklist.dueDate) }));
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(`${title}\n${lines.join('\n')}`, LIMITS.sectionText) } },
  ];
  if (checklist.mayTick && open.length > 0) {
    const elements: Button[] = open.map(({ item }) => {
      const label = checklistItemLabel(lang, checklist.kind, item);
      const value: TickRef = { p: projectId, k: checklist.kind, i: item };
      return {
        type: 'button',
        action_id: `${CHECKLIST.tickPrefix}${item}`,
        text: plain(t(lang, 'rules.checklist.tick', { item: label }), LIMITS.buttonText),
        value: JSON.stringify(value),
        confirm: {
          title: plain(t(lang, 'rules.checklist.confirmTitle', { item: label }), LIMITS.confirmTitle),
          text: plain(t(lang, 'rules.checklist.confirmText'), LIMITS.confirmText),
          confirm: plain(t(lang, 'rules.checklist.confirmYes'), LIMITS.confirmButton),
          deny: plain(t(lang, 'rules.checklist.confirmNo'), LIMITS.confirmButton),
        },
      };
    });
    const actions: ActionsBlock = { type: 'actions', block_id: CHECKLIST.blockId, elements };
    blocks.push(actions);
  }
  return blocks;
}
