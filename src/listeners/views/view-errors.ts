import type { ViewResponseAction } from '@slack/bolt';
import { InputError, UserFacingError } from '../../errors.ts';
import type { Lang } from '../../i18n/index.ts';
import { renderUserError } from '../../i18n/render-error.ts';

/**
 * The one place where a modal's typed errors become Slack's inline errors (`response_action: errors`).
 * Field errors go under their block; an error without a field (permission, tampered metadata) goes under
 * `fallbackBlock`, so the person sees it where they are looking. Returns null for errors that are not the user's.
 */
export function viewErrorResponse(
  error: unknown,
  lang: Lang,
  blockOf: Record<string, string>,
  fallbackBlock: string,
): ViewResponseAction | null {
  if (!(error instanceof UserFacingError)) return null;
  const errors: Record<string, string> = {};
  if (error instanceof InputError) {
    for (const [field, problem] of Object.entries(error.fields)) {
      const block = blockOf[field] ?? fallbackBlock;
      errors[block] ??= renderUserError({ key: problem.key, params: problem.params ?? {} }, lang);
    }
  }
  if (Object.keys(errors).length === 0) errors[fallbackBlock] = renderUserError(error, lang);
  return { response_action: 'errors', errors };
}
