import type { UserFacingError } from './errors.ts';
import { type Lang, tError } from './i18n/index.ts';
import { machineLabel } from './runtime/notify-messages.ts';

/** A typed error in the reader's language, with stage and other machine labels translated. */
export function renderUserError(error: Pick<UserFacingError, 'key' | 'params'>, lang: Lang): string {
  return tError(lang, error.key, error.params, machineLabel);
}

/** How domain code names a project's stage in an error: as a label reference the renderer translates. */
export function stageParam(machine: string, stage: string): string {
  return `@state.${machine}.${stage}`;
}
