import type { App } from '@slack/bolt';
import { DEADLINE_ACTIONS } from '../../deadlines/ids.ts';
import { HISTORY } from '../../history/ids.ts';
import { OUTBOX_ACTIONS } from '../../outbox/ids.ts';
import { PROJECT } from '../../projects/ids.ts';
import { EXPERTS, REVIEW } from '../../review/ids.ts';
import { MENU } from '../../views/help-message.ts';
import { INTAKE_FORMS } from '../../views/intake-forms.ts';
import { LIST } from '../../views/project-list.ts';
import type { Wiring } from '../../wiring/index.ts';
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
  app.action(DEADLINE_ACTIONS.snooze, deadlineSnooze(services));
  app.action(OUTBOX_ACTIONS.retry, outboxRetry(services));
  app.action(REVIEW.actions.accept, reviewAccept(services));
  app.action(REVIEW.actions.decline, reviewDecline(services, false));
  app.action(REVIEW.actions.conflict, reviewDecline(services, true));
  app.action(REVIEW.actions.openForm, reviewOpenForm(services));
  app.action(EXPERTS.addAction, expertEdit(services));
  app.action(new RegExp(`^${EXPERTS.editAction.replace('.', '\\.')}\\.`), expertEdit(services));
  app.action(new RegExp(`^${HISTORY.pageAction.replace('.', '\\.')}\\.`), historyPage(services));
}
