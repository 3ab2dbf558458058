import { PermissionError } from '../errors.ts';
import { rolesParam } from '../i18n/render-error.ts';
import { holdsAny, type Role } from '../roles/roles.ts';

/** The working group: who writes and edits supervision records and sees a complainant's personal data. */
export const RECORD_EDITORS: readonly Role[] = ['staff', 'manager', 'admin'];

/** True when these roles may read personal data and edit records. */
export function isWorkingGroup(roles: readonly Role[]): boolean {
  return holdsAny(roles, RECORD_EDITORS);
}

/** Refuses, in the person's language, anyone outside the working group. */
export function assertWorkingGroup(roles: readonly Role[]): void {
  if (!isWorkingGroup(roles))
    throw new PermissionError('records.permission', { roles: rolesParam(['staff', 'manager', 'admin']) });
}
