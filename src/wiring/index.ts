import { type ChecklistsWiring, checklistsWiring } from './checklists.ts';
import { type CommonWiring, commonWiring } from './common.ts';
import { createWiringContext, type WiringDeps } from './context.ts';
import { type DeadlinesWiring, deadlinesWiring } from './deadlines.ts';
import { type DigestsWiring, digestsWiring } from './digests.ts';
import { type ExportsWiring, exportsWiring } from './exports.ts';
import { type HomeWiring, homeWiring } from './home.ts';
import { type ProjectsWiring, projectsWiring } from './projects.ts';
import { type RecordsWiring, recordsWiring } from './records.ts';
import { type ReportsWiring, reportsWiring } from './reports.ts';
import { type ReviewWiring, reviewWiring } from './review.ts';
import { type SettingsWiring, settingsWiring } from './settings.ts';

export type {
  ChecklistsWiring,
  CommonWiring,
  DeadlinesWiring,
  DigestsWiring,
  ExportsWiring,
  HomeWiring,
  ProjectsWiring,
  RecordsWiring,
  ReportsWiring,
  ReviewWiring,
  SettingsWiring,
};

/** Every area's use cases bound to their dependencies: what the app hands its listeners. */
export type Wiring = CommonWiring &
  ProjectsWiring &
  ReviewWiring &
  DeadlinesWiring &
  DigestsWiring &
  SettingsWiring &
  HomeWiring &
  ChecklistsWiring &
  ExportsWiring &
  RecordsWiring &
  ReportsWiring;

/** Builds the shared dependencies once and binds every area to them. */
export function createWiring(deps: WiringDeps): Wiring {
  const ctx = createWiringContext(deps);
  return {
    ...commonWiring(ctx),
    ...projectsWiring(ctx),
    ...reviewWiring(ctx),
    ...deadlinesWiring(ctx),
    ...digestsWiring(ctx),
    ...settingsWiring(ctx),
    ...homeWiring(ctx),
    ...checklistsWiring(ctx),
    ...exportsWiring(ctx),
    ...recordsWiring(ctx),
    ...reportsWiring(ctx),
  };
}
