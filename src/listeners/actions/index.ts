import type { App } from '@slack/bolt';
import { BATCH_PLACE } from '../../batches/ids.ts';
import { CHECKLIST } from '../../checklists/ids.ts';
import { DEADLINE_ACTIONS, SNOOZE_ACTION_PATTERN } from '../../deadlines/ids.ts';
import { HISTORY } from '../../history/ids.ts';
import { MENU } from '../../home/ids.ts';
import { RETRY_ACTION_PATTERN } from '../../outbox/ids.ts';
import { INTAKE_FORMS, LIST, PROJECT } from '../../projects/ids.ts';
import { RECORDS } from '../../records/ids.ts';
import { EXPERTS, REVIEW } from '../../review/ids.ts';
import type { Wiring } from '../../wiring/index.ts';
import { openPlacementForm } from './batch-actions.ts';
import { checklistTick } from './checklist-actions.ts';
import {
  deadlineAcknowledge,
  deadlineExtend,
  deadlineReassign,
  deadlineSnooze,
  outboxRetry,
} from './deadline-actions.ts';
import { historyPage } from './history-actions.ts';
import { openApplicantForm, openMaterialsForm } from './intake-actions.ts';
import { listPage, listShow } from './list-actions.ts';
import { menuAction } from './menu.ts';
import { projectAction } from './project-action.ts';
import { projectWhy } from './project-why.ts';
import { recordForm } from './records-actions.ts';
import { expertEdit, reviewAccept, reviewDecline, reviewOpenForm } from './review-actions.ts';

/** Registers every button handler. */
export function registerActions(app: App, services: Wiring): void {
  app.action(PROJECT.actionPattern, projectAction(services));
  app.action(PROJECT.whyAction, projectWhy(services));
  // The list's own "next page" and the Home tab's drill-in buttons (list.page.home.…, unique ids per view).
  app.action(new RegExp(`^${LIST.pageAction.replace('.', '\\.')}(\\.|$)`), listPage(services));
  app.action(new RegExp(`^${LIST.showAction.replace('.', '\\.')}\\.`), listShow(services));
  app.action(MENU.actionPattern, menuAction(services));
  app.action(INTAKE_FORMS.addApplicantAction, openApplicantForm(services));
  app.action(
    new RegExp(`^${INTAKE_FORMS.editApplicantAction.replaceAll('.', '\\.')}\\.\\d+$`),
    openApplicantForm(services),
  );
  app.action(INTAKE_FORMS.materialsAction, openMaterialsForm(services));
  app.action(DEADLINE_ACTIONS.extend, deadlineExtend(services));
  app.action(DEADLINE_ACTIONS.reassign, deadlineReassign(services));
  app.action(DEADLINE_ACTIONS.acknowledge, deadlineAcknowledge(services));
  app.action(SNOOZE_ACTION_PATTERN, deadlineSnooze(services));
  app.action(RETRY_ACTION_PATTERN, outboxRetry(services));
  app.action(REVIEW.actions.accept, reviewAccept(services));
  app.action(REVIEW.actions.decline, reviewDecline(services, false));
  app.action(REVIEW.actions.conflict, reviewDecline(services, true));
  app.action(REVIEW.actions.openForm, reviewOpenForm(services));
  // A record's buttons carry its key in the action id (unique per message): records.edit.q1 …
  const recordAction = (id: string) => new RegExp(`^${id.replace('.', '\\.')}\\.`);
  app.action(recordAction(RECORDS.actions.edit), recordForm(services, 'edit'));
  app.action(recordAction(RECORDS.actions.openItem), recordForm(services, 'openItem'));
  app.action(recordAction(RECORDS.actions.closeItem), recordForm(services, 'closeItem'));
  app.action(EXPERTS.addAction, expertEdit(services));
  app.action(BATCH_PLACE.openAction, openPlacementForm(services));
  app.action(CHECKLIST.tickPattern, checklistTick(services));
  app.action(new RegExp(`^${EXPERTS.editAction.replace('.', '\\.')}\\.`), expertEdit(services));
  app.action(new RegExp(`^${HISTORY.pageAction.replace('.', '\\.')}\\.`), historyPage(services));
}
