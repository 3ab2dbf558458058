import type { Lang } from '../i18n/index.ts';
import { programmeToday, type WiringContext } from './context.ts';

/** What every listener may need whatever its area: the reader's language and time zone, today, the outbox. */
export interface CommonWiring {
  /** The language to answer a user in: their choice, else their Slack locale, else zh-CN. */
  langFor(userId: string): Promise<Lang>;
  /** The reader's Slack time zone (Shanghai when Slack does not say). */
  tzFor(userId: string): Promise<string>;
  /** The language of messages posted in a channel. */
  channelLang(channelId: string | null): Promise<Lang>;
  setLang(userId: string, lang: Lang): Promise<void>;
  /** Today's date on the programme's clock, for date pickers. */
  today(): string;
  /** Sends what the outbox holds for these keys now, without waiting for the next poll. */
  flushOutbox(keys?: readonly string[]): Promise<void>;
  /** Resolves when every flush and refresh started so far has finished; used at shutdown and by tests. */
  idle(): Promise<void>;
}

/** Binds the language resolver, the clock and the outbox flush. */
export function commonWiring(ctx: WiringContext): CommonWiring {
  return {
    ...ctx.languages,
    today: () => programmeToday(ctx.clock),
    flushOutbox: ctx.flushOutbox,
    idle: ctx.idle,
  };
}
