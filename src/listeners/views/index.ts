import type { App } from '@slack/bolt';
import { BATCH_MODAL, BATCH_PLACE } from '../../batches/ids.ts';
import { DEADLINE_MODALS } from '../../deadlines/ids.ts';
import { INTAKE, INTAKE_FORMS, PROJECT, RELAY_MODAL } from '../../projects/ids.ts';
import { RECORDS } from '../../records/ids.ts';
import { EXPERTS, REVIEW } from '../../review/ids.ts';
import type { Wiring } from '../../wiring/index.ts';
import { actionSubmit } from './action-submit.ts';
import { batchPlaceSubmit } from './batch-place-submit.ts';
import { batchSubmit } from './batch-submit.ts';
import { calendarSubmit, extendSubmit, reassignSubmit } from './deadline-submit.ts';
import { expertsSubmit } from './experts-submit.ts';
import { applicantSubmit, materialsSubmit } from './intake-forms-submit.ts';
import { intakeSubmit } from './intake-submit.ts';
import { recordCloseItemSubmit, recordEditSubmit, recordOpenItemSubmit } from './records-submit.ts';
import { relaySubmit } from './relay-submit.ts';
import { acceptSubmit, reviewFormClosed, reviewFormSubmit } from './review-submit.ts';

/** Registers every modal submission handler. */
export function registerViews(app: App, services: Wiring): void {
  app.view(INTAKE.callbackId, intakeSubmit(services));
  app.view(PROJECT.modalCallbackId, actionSubmit(services));
  app.view(BATCH_MODAL.callbackId, batchSubmit(services));
  app.view(RELAY_MODAL.callbackId, relaySubmit(services));
  app.view(INTAKE_FORMS.applicantCallbackId, applicantSubmit(services));
  app.view(INTAKE_FORMS.materialsCallbackId, materialsSubmit(services));
  app.view(DEADLINE_MODALS.extendCallbackId, extendSubmit(services));
  app.view(DEADLINE_MODALS.reassignCallbackId, reassignSubmit(services));
  app.view(DEADLINE_MODALS.calendarCallbackId, calendarSubmit(services));
  app.view(REVIEW.acceptCallbackId, acceptSubmit(services));
  app.view(REVIEW.formCallbackId, reviewFormSubmit(services));
  app.view({ callback_id: REVIEW.formCallbackId, type: 'view_closed' }, reviewFormClosed(services));
  app.view(EXPERTS.callbackId, expertsSubmit(services));
  app.view(BATCH_PLACE.callbackId, batchPlaceSubmit(services));
  app.view(RECORDS.callbacks.edit, recordEditSubmit(services));
  app.view(RECORDS.callbacks.openItem, recordOpenItemSubmit(services));
  app.view(RECORDS.callbacks.closeItem, recordCloseItemSubmit(services));
}
