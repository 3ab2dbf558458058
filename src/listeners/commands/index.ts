import type { App } from '@slack/bolt';
import type { Wiring } from '../../wiring/index.ts';
import { pilotCommand } from './pilot.ts';

/** The slash commands; the manifest declares the same list (a test compares them). */
export const COMMANDS = ['/pilot'] as const;

/** Registers every slash command handler. */
export function registerCommands(app: App, services: Wiring): void {
  app.command('/pilot', pilotCommand(services));
}
