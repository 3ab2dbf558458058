import type { MessageKey } from './i18n/index.ts';

/** An error meant for the person who caused it: a catalog key and its parameters, rendered in their language. */
export abstract class UserFacingError extends Error {
  abstract readonly kind: string;
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** The input was wrong; nothing changed. `fields` maps modal block IDs to keys for inline errors. */
export class InputError extends UserFacingError {
  readonly kind = 'input';
  constructor(
    key: MessageKey,
    params: Record<string, string | number> = {},
    readonly fields: Record<string, { key: MessageKey; params?: Record<string, string | number> }> = {},
  ) {
    super(key, params);
  }
}

/** The person lacks the role or identity the action needs; nothing changed. */
export class PermissionError extends UserFacingError {
  readonly kind = 'permission';
}

/** The project changed since it was loaded and the action no longer applies; nothing changed. */
export class StaleProjectError extends UserFacingError {
  readonly kind = 'stale';
}

/** A reference (P-2026-001) that names no project. */
export class NotFoundError extends UserFacingError {
  readonly kind = 'notFound';
}
