import type { BatchView } from '../batches/batch-view.ts';
import { assertMayManageBatches } from '../batches/batch-view.ts';
import { closeBatch } from '../batches/close-batch.ts';
import { listBatches } from '../batches/list-batches.ts';
import { listWaitingApplications, type Placement } from '../batches/list-waiting-applications.ts';
import { openBatch } from '../batches/open-batch.ts';
import { type PlacementResult, placeApplications } from '../batches/place-applications.ts';
import { type SelectionList, selectionList } from '../batches/selection-list.ts';
import { assertAdmin } from '../roles/assert-admin.ts';
import { changeRole, listRoles } from '../roles/manage-roles.ts';
import type { Role } from '../roles/roles.ts';
import { showSettings } from '../settings/show-settings.ts';
import { setWorkingGroupChannel } from '../settings/working-group.ts';
import type { WiringContext } from './context.ts';

/** The workspace's settings, roles and batches, as listeners call them. */
export interface SettingsWiring {
  /** Refuses early (before a form opens) when the user is not an admin. */
  assertAdmin(userId: string): Promise<void>;
  batches: {
    list(): Promise<BatchView[]>;
    open(userId: string, batch: { name: string; opensOn: string; closesOn: string }): Promise<BatchView>;
    close(userId: string, name: string): Promise<BatchView>;
    assertMayManage(userId: string): Promise<void>;
    /** R-BATCH-1: a batch (by name or id) that can take applications, with the applications waiting for one. */
    waiting(userId: string, which: { name: string } | { id: string }): Promise<Placement>;
    /** R-BATCH-1: moves the chosen waiting applications into a batch, each through applyEvent; says which did not. */
    place(userId: string, command: { batchId: string; projectIds: string[] }): Promise<PlacementResult>;
    /** R-APP-3: the projects a batch selected in screening, for the CSRC. */
    selection(userId: string, name: string): Promise<SelectionList>;
  };
  roles: {
    change(command: { actorId: string; op: 'grant' | 'revoke'; userId: string; role: Role }): Promise<{
      changed: boolean;
    }>;
    list(): Promise<Record<Role, string[]>>;
  };
  settings: {
    show(): Promise<{ workingGroupChannel: string | null; autoAssign: boolean }>;
    /** An admin names the working group's channel (null unsets it). */
    setWorkingGroup(userId: string, channelId: string | null): Promise<void>;
  };
}

/** Binds the settings, role and batch use cases. */
export function settingsWiring(ctx: WiringContext): SettingsWiring {
  const { actorOf } = ctx;
  return {
    assertAdmin: async (userId) => assertAdmin(await actorOf(userId)),
    batches: {
      list: () => listBatches(ctx),
      open: async (userId, batch) => openBatch(ctx, await actorOf(userId), batch),
      close: async (userId, name) => closeBatch(ctx, await actorOf(userId), name),
      assertMayManage: async (userId) => assertMayManageBatches((await actorOf(userId)).roles),
      waiting: async (userId, which) => listWaitingApplications(ctx, await actorOf(userId), which),
      place: async (userId, command) => placeApplications(ctx, await actorOf(userId), command),
      selection: async (userId, name) => selectionList(ctx, await actorOf(userId), name),
    },
    roles: {
      change: async ({ actorId, ...command }) => changeRole(ctx, await actorOf(actorId), command),
      list: () => listRoles(ctx),
    },
    settings: {
      show: () => showSettings(ctx.prisma),
      setWorkingGroup: async (userId, channelId) => {
        await setWorkingGroupChannel(ctx, await actorOf(userId), channelId);
      },
    },
  };
}
