import { randomUUID } from 'node:crypto';
import type { App, Logger } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App.js';
import { UserFacingError } from '../errors.ts';
import { t } from '../i18n/index.ts';
import { renderUserError } from '../i18n/render-error.ts';
import { currentRequest } from '../logging/logger.ts';
import type { Wiring } from '../wiring/index.ts';
import { answerPerson } from './answer-person.ts';
import { markFailed } from './edges.ts';

interface ErrorBody {
  command?: string;
  user_id?: string;
  user?: { id?: string };
  response_url?: string;
  response_urls?: { response_url?: string }[];
}

/** The admins to ask for a role, in the reader's language; the configured bootstrap admins count. */
async function whoCanHelp(services: Wiring, lang: 'zh-CN' | 'en'): Promise<string> {
  const admins = await services.roles
    .list()
    .then((roles) => roles.admin)
    .catch(() => [] as string[]);
  if (admins.length === 0) return t(lang, 'error.permission.noAdmins');
  return t(lang, 'error.permission.askAdmins', { admins: admins.map((id) => `<@${id}>`).join(' ') });
}

/** Unwraps Bolt's error wrappers to what the listener threw. */
function originalOf(error: unknown): unknown {
  const e = error as { original?: unknown; originals?: unknown[] };
  return e.original ?? e.originals?.[0] ?? error;
}

/**
 * The one place errors reach users: typed errors become a plain message in the user's language; anything else is
 * logged with an incident reference and the user gets that reference, never a stack trace.
 */
export function registerErrorHandler(
  app: App,
  services: Wiring,
  logger: Logger,
  botToken: string,
  /** Whether an error means the database did not answer (src/db knows; listeners never import it). */
  isDatabaseUnavailable: (error: unknown) => boolean,
  post: typeof fetch = fetch,
): void {
  // With extendedErrorHandler on, Bolt passes the request body too; its typing only knows the short form.
  app.error((async ({ error, body }: ExtendedErrorHandlerArgs) => {
    const cause = originalOf(error);
    // Answered here; the dispatch guard then only acknowledges the request instead of calling it out of date.
    markFailed(body);
    const b = (body ?? {}) as ErrorBody;
    const userId = b.user_id ?? b.user?.id;
    const lang = await services.langFor(userId ?? '').catch(() => 'zh-CN' as const);
    // The request's own log line (app.ts) says how it ended; the incident lines below carry its id too.
    const request = currentRequest();
    let text: string;
    if (cause instanceof UserFacingError) {
      if (request) request.outcome = 'refused';
      text = renderUserError(cause, lang);
      // A typed command that went wrong gets the usage too; a button or a form does not need it.
      if (cause.kind === 'input' && b.command) text = `${text}\n${t(lang, 'command.usage')}`;
      // A refusal for a missing role says who can grant it, so the person is never left with nobody to ask.
      if (cause.kind === 'permission') text = `${text}\n${await whoCanHelp(services, lang)}`;
    } else if (isDatabaseUnavailable(cause)) {
      // The database went away mid-request: its transaction did not commit, so the honest answer is "nothing was
      // changed, try again", not an incident to report.
      if (request) request.outcome = 'databaseUnavailable';
      logger.warn({ err: cause, user: userId }, 'the database did not answer; the user was told to try again');
      text = t(lang, 'error.databaseUnavailable');
    } else {
      const incident = randomUUID().slice(0, 8);
      if (request) Object.assign(request, { outcome: 'incident', incident });
      // The stack goes to the log's err field; the user only gets the reference to quote.
      logger.error({ incident, err: cause, user: userId }, `incident ${incident}`);
      text = t(lang, 'error.internal', { incident });
    }
    const responseUrl = b.response_url ?? b.response_urls?.[0]?.response_url;
    try {
      await answerPerson({ client: app.client, botToken, post }, { userId, responseUrl }, { text });
    } catch (sendError) {
      logger.error({ err: sendError, user: userId }, 'could not tell the user about an error');
    }
  }) as never);
}
