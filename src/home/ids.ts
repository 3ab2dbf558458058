import { LIST } from '../projects/ids.ts';

/** Slack IDs of the Home tab's drill-in buttons: all run the list action (LIST.pageAction), each with its own id. */
export const HOME = {
  drillAction: (suffix: string) => `${LIST.pageAction}.home.${suffix}`,
} as const;

/** Slack IDs of the `/pilot` menu buttons; each runs the same code as the typed subcommand. */
export const MENU = {
  actionPrefix: 'menu.',
  actionPattern: /^menu\./,
  items: [
    'new pilot',
    'new coaching',
    'list mine',
    'list overdue',
    'list',
    'batch list',
    'experts',
    'roles list',
    'digest now',
    'lang zh',
    'lang en',
    'help',
  ] as const,
} as const;
