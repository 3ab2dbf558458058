import type { UserFacingError } from '../errors.ts';
import { expertTagList } from '../review/expert-tags.ts';
import { roleLabel } from '../roles/role-labels.ts';
import { type Lang, tError } from './index.ts';
import { machineLabel } from './labels.ts';

/**
 * A label an error names by reference: a machine label (`state.pilot.screening`), a role (`role.staff`), a list of
 * either joined by `+` (`role.staff+role.manager`), or a list the app knows (`list.expertTags`).
 */
function errorLabel(lang: Lang, key: string): string {
  if (key.includes('+'))
    return key
      .split('+')
      .map((k) => errorLabel(lang, k))
      .join(lang === 'en' ? ', ' : '、');
  if (key === 'list.expertTags') return expertTagList(lang);
  if (key.startsWith('role.')) return roleLabel(lang, key.slice(5));
  return machineLabel(lang, key);
}

/** A typed error in the reader's language, with stage, role and other labels translated. */
export function renderUserError(error: Pick<UserFacingError, 'key' | 'params'>, lang: Lang): string {
  return tError(lang, error.key, error.params, errorLabel);
}

/** How domain code names a project's stage in an error: as a label reference the renderer translates. */
export function stageParam(machine: string, stage: string): string {
  return `@state.${machine}.${stage}`;
}

/** How domain code names the roles an action needs: as label references the renderer translates and joins. */
export function rolesParam(roles: readonly string[]): string {
  return `@${roles.map((r) => `role.${r}`).join('+')}`;
}
