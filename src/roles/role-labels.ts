import { type Lang, type MessageKey, t } from '../i18n/index.ts';

const ROLE_KEYS: Record<string, MessageKey> = {
  admin: 'role.admin',
  manager: 'role.manager',
  staff: 'role.staff',
  reviewer: 'role.reviewer',
  scheduler: 'role.scheduler',
};

/** A role's name in the reader's language (工作组人员 for staff); an unknown role shows as typed. */
export function roleLabel(lang: Lang, role: string): string {
  const key = ROLE_KEYS[role];
  return key ? t(lang, key) : role;
}

/** A role as commands show it: its name and the word to type, e.g. 工作组人员（staff）. */
export function roleWithId(lang: Lang, role: string): string {
  return lang === 'en' ? `${roleLabel(lang, role)} (${role})` : `${roleLabel(lang, role)}（${role}）`;
}
