import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { HomeWiring } from '../../wiring/index.ts';

/** `app_home_opened` on the Home tab: publishes that person's Home, read fresh. The Messages tab needs nothing. */
export function appHomeOpened(services: HomeWiring) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: await services.home.view(event.user) });
  };
}
