import type { App } from '@slack/bolt';
import type { Services } from '../../services.ts';
import { pilotCommand } from './pilot.ts';

/** The slash commands; the manifest declares the same list (a test compares them). */
export const COMMANDS = ['/pilot'] as const;

/** Registers every slash command handler. */
export function registerCommands(app: App, services: Services): void {
  app.command('/pilot', pilotCommand(services));
}
