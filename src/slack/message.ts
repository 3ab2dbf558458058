import type { KnownBlock } from '@slack/types';

/** A Slack message as it is posted: the fallback text (notifications, screen readers) and its Block Kit blocks. */
export type SlackMessage = { text: string; blocks: KnownBlock[] };
