import type { App } from '@slack/bolt';
import type { Wiring } from '../../wiring/index.ts';
import { appHomeOpened } from './app-home-opened.ts';

/** The Events API events the app handles; the manifest subscribes to the same list (a test compares them). */
export const EVENTS = ['app_home_opened'] as const;

/** Registers every Events API handler. */
export function registerEvents(app: App, services: Wiring): void {
  app.event('app_home_opened', appHomeOpened(services));
}
