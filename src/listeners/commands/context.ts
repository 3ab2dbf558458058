import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Lang } from '../../i18n/index.ts';
import type { Wiring } from '../../wiring/index.ts';

/** Who typed the command, where, and how to answer them. */
export interface CommandContext {
  services: Wiring;
  userId: string;
  channelId: string;
  triggerId: string;
  lang: Lang;
  respond: RespondFn;
  client: WebClient;
}
