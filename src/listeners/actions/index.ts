import type { App } from '@slack/bolt';
import { PROJECT } from '../../projects/ids.ts';
import type { Services } from '../../services.ts';
import { MENU } from '../../views/help-message.ts';
import { LIST } from '../../views/project-list.ts';
import { listPage, listShow } from './list-actions.ts';
import { menuAction } from './menu.ts';
import { projectAction } from './project-action.ts';
import { projectWhy } from './project-why.ts';

/** Registers every button handler. */
export function registerActions(app: App, services: Services): void {
  app.action(PROJECT.actionPattern, projectAction(services));
  app.action(PROJECT.whyAction, projectWhy(services));
  app.action(LIST.pageAction, listPage(services));
  app.action(new RegExp(`^${LIST.showAction.replace('.', '\\.')}\\.`), listShow(services));
  app.action(MENU.actionPattern, menuAction(services));
}
