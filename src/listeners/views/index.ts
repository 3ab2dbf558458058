import type { App } from '@slack/bolt';
import { INTAKE } from '../../projects/ids.ts';
import type { Services } from '../../services.ts';
import { intakeSubmit } from './intake-submit.ts';

/** Registers every modal submission handler. */
export function registerViews(app: App, services: Services): void {
  app.view(INTAKE.callbackId, intakeSubmit(services));
}
