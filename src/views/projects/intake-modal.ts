import type { ModalView } from '@slack/types';
import { TECHNOLOGIES } from '../../../machines/pilot/events.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { INTAKE, type IntakeMetadata } from '../../projects/ids.ts';
import { SCENARIO_MAX, TITLE_MAX } from '../../projects/intake.ts';

const TECH_LABEL: Record<(typeof TECHNOLOGIES)[number], MessageKey> = {
  bigData: 'tech.bigData',
  cloudComputing: 'tech.cloudComputing',
  ai: 'tech.ai',
  blockchain: 'tech.blockchain',
  otherNewIt: 'tech.otherNewIt',
};

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** The intake modal for a new pilot application; the owner defaults to the person opening it. */
export function intakeModal(lang: Lang, metadata: IntakeMetadata, openerId: string): ModalView {
  return {
    type: 'modal',
    callback_id: INTAKE.callbackId,
    private_metadata: JSON.stringify(metadata),
    title: plain(t(lang, metadata.track === 'coaching' ? 'intake.titleCoaching' : 'intake.title')),
    submit: plain(t(lang, 'intake.submit')),
    close: plain(t(lang, 'intake.cancel')),
    blocks: [
      {
        type: 'input',
        block_id: INTAKE.blocks.title,
        label: plain(t(lang, 'intake.field.title')),
        hint: plain(t(lang, 'intake.field.title.hint')),
        element: { type: 'plain_text_input', action_id: INTAKE.actions.title, max_length: TITLE_MAX },
      },
      {
        type: 'input',
        block_id: INTAKE.blocks.scenario,
        label: plain(t(lang, 'intake.field.scenario')),
        hint: plain(t(lang, 'intake.field.scenario.hint')),
        element: {
          type: 'plain_text_input',
          action_id: INTAKE.actions.scenario,
          multiline: true,
          max_length: SCENARIO_MAX,
        },
      },
      {
        type: 'input',
        block_id: INTAKE.blocks.technologies,
        label: plain(t(lang, 'intake.field.technologies')),
        element: {
          type: 'multi_static_select',
          action_id: INTAKE.actions.technologies,
          options: TECHNOLOGIES.map((tech) => ({ text: plain(t(lang, TECH_LABEL[tech])), value: tech })),
        },
      },
      {
        type: 'input',
        block_id: INTAKE.blocks.owner,
        label: plain(t(lang, 'intake.field.owner')),
        element: { type: 'users_select', action_id: INTAKE.actions.owner, initial_user: openerId },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: t(lang, 'intake.contactNote') }] },
      {
        type: 'input',
        block_id: INTAKE.blocks.contactName,
        label: plain(t(lang, 'intake.field.contactName')),
        element: { type: 'plain_text_input', action_id: INTAKE.actions.contact, max_length: 50 },
      },
      {
        type: 'input',
        block_id: INTAKE.blocks.contactPhone,
        optional: true,
        label: plain(t(lang, 'intake.field.contactPhone')),
        element: { type: 'plain_text_input', action_id: INTAKE.actions.contact, max_length: 20 },
      },
      {
        type: 'input',
        block_id: INTAKE.blocks.contactEmail,
        optional: true,
        label: plain(t(lang, 'intake.field.contactEmail')),
        element: { type: 'email_text_input', action_id: INTAKE.actions.contact },
      },
    ],
  };
}
