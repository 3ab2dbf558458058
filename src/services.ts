import type { Actor } from '../machines/actor.ts';
import { type BatchView, closeBatch, listBatches, openBatch } from './batches/batches.ts';
import { type Clock, shanghaiDate } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { explainProjectDeadlines } from './deadlines/explain-project-deadlines.ts';
import { projectDeadlinesMessage } from './deadlines/why-message.ts';
import type { DigestFilters } from './digests/filters.ts';
import { previewDigest, subscribeDigest, unsubscribeDigest } from './digests/subscribe-digest.ts';
import { PermissionError } from './errors.ts';
import type { Lang } from './i18n/index.ts';
import { deliverOutbox } from './outbox/deliver-outbox.ts';
import { createLanguageResolver } from './preferences/languages.ts';
import { assertMayCreateProject, type CreateProjectCommand, createProject } from './projects/create-project.ts';
import { findProjectByRef } from './projects/find-project.ts';
import { getProjectCard, type ProjectCardData } from './projects/get-project-card.ts';
import type { ProjectActionRef } from './projects/ids.ts';
import { listProjects, type ProjectFilter, type ProjectPage } from './projects/list-projects.ts';
import {
  type ActionForm,
  actionFields,
  pressAction,
  resolveTypedAction,
  submitAction,
} from './projects/perform-action.ts';
import type { FieldSpec } from '../machines/fields.ts';
import { changeRole, listRoles } from './roles/manage-roles.ts';
import type { Role } from './roles/roles.ts';
import { holdsAny, rolesOf } from './roles/roles.ts';
import type { AppliedEvent } from './runtime/apply-event.ts';
import type { SlackCaller } from './slack/web-api.ts';

/** What listeners may call: use cases with their dependencies bound. Listeners never see Prisma or machines. */
export interface Services {
  /** The language to answer a user in: their choice, else their Slack locale, else zh-CN. */
  langFor(userId: string): Promise<Lang>;
  /** The language of messages posted in a channel. */
  channelLang(channelId: string | null): Promise<Lang>;
  setLang(userId: string, lang: Lang): Promise<void>;
  /** Today's date on the programme's clock, for date pickers. */
  today(): string;
  projects: {
    assertMayCreate(userId: string): Promise<void>;
    create(command: CreateProjectCommand): Promise<{ id: string; ref: string }>;
    cardByRef(ref: string, viewerId: string): Promise<ProjectCardData>;
    card(projectId: string, viewerId: string): Promise<ProjectCardData>;
    press(
      userId: string,
      ref: ProjectActionRef,
    ): Promise<{ kind: 'form'; form: ActionForm } | { kind: 'applied'; result: AppliedEvent }>;
    submit(userId: string, ref: ProjectActionRef, values: Record<string, unknown>): Promise<AppliedEvent>;
    fields(ref: ProjectActionRef): Promise<FieldSpec[]>;
    list(filter: ProjectFilter, page: number, viewerId: string): Promise<ProjectPage>;
    /** `/pilot do <ref> <action>`: the typed twin of pressing the action's button. */
    pressTyped(userId: string, projectRef: string, action: string): ReturnType<Services['projects']['press']>;
  };
  batches: {
    list(): Promise<BatchView[]>;
    open(userId: string, batch: { name: string; opensOn: string; closesOn: string }): Promise<BatchView>;
    close(userId: string, name: string): Promise<BatchView>;
    assertMayManage(userId: string): Promise<void>;
  };
  digests: {
    preview(channelId: string, lang: Lang): Promise<{ text: string; blocks: unknown[] }>;
    subscribe(userId: string, channelId: string, filters: DigestFilters): Promise<void>;
    unsubscribe(userId: string, channelId: string): Promise<void>;
  };
  deadlines: {
    /** `/pilot why`: every open deadline of a project explained. */
    why(projectRefOrId: string, lang: Lang): Promise<{ text: string; blocks: unknown[] }>;
  };
  roles: {
    change(command: {
      actorId: string;
      op: 'grant' | 'revoke';
      userId: string;
      role: Role;
    }): Promise<{ changed: boolean }>;
    list(): Promise<Record<Role, string[]>>;
  };
  /** Sends what the outbox holds for these keys now, without waiting for the next poll. */
  flushOutbox(keys?: readonly string[]): Promise<void>;
  /** Resolves when every flush started so far has finished; used at shutdown and by tests. */
  idle(): Promise<void>;
}

/** Binds the use cases to the database, clock, configuration and Slack caller. */
export function createServices(deps: {
  config: Config;
  db: Database;
  clock: Clock;
  slack: SlackCaller;
  onError(error: unknown): void;
}): Services {
  const { db, clock, config, slack } = deps;
  const prisma = db.prisma;
  const inFlight = new Set<Promise<void>>();
  const flushOutbox = (keys?: readonly string[]): Promise<void> => {
    const run = deliverOutbox(prisma, slack, clock, keys ? { keys } : {})
      .then(() => undefined)
      .catch(deps.onError);
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    return run;
  };
  const base = { prisma, clock, admins: config.admins, afterCommit: (keys: string[]) => void flushOutbox(keys) };
  const languages = createLanguageResolver(prisma, slack);
  const viewer = (userId: string) => ({ userId, admins: config.admins });
  const press = (userId: string, ref: ProjectActionRef) => pressAction(base, userId, ref);
  const actorOf = async (userId: string): Promise<Actor> => ({
    kind: 'user',
    userId,
    roles: await rolesOf(prisma, userId, config.admins),
  });
  return {
    ...languages,
    today: () => shanghaiDate(clock.now()),
    projects: {
      assertMayCreate: async (userId) => {
        await assertMayCreateProject(base, userId);
      },
      create: (command) => createProject(base, command),
      cardByRef: async (ref, viewerId) =>
        getProjectCard(prisma, (await findProjectByRef(prisma, ref)).id, viewer(viewerId)),
      card: (projectId, viewerId) => getProjectCard(prisma, projectId, viewer(viewerId)),
      press,
      fields: (ref) => actionFields(base, ref),
      list: (filter, page, viewerId) => listProjects(prisma, filter, page, viewerId, clock.now()),
      submit: (userId, ref, values) => submitAction(base, userId, ref, values),
      pressTyped: async (userId, projectRef, action) => {
        const project = await findProjectByRef(prisma, projectRef);
        return press(userId, await resolveTypedAction(base, userId, project.id, action));
      },
    },
    batches: {
      list: () => listBatches(base),
      open: (userId, batch) => openBatch(base, { actorId: userId, ...batch }),
      close: (userId, name) => closeBatch(base, { actorId: userId, name }),
      assertMayManage: async (userId) => {
        const roles = await rolesOf(prisma, userId, config.admins);
        if (!holdsAny(roles, ['staff', 'manager', 'admin'])) throw new PermissionError('batch.permission');
      },
    },
    digests: {
      preview: (channelId, lang) => previewDigest(prisma, clock, { channelId, lang }),
      subscribe: async (userId, channelId, filters) => {
        await subscribeDigest(prisma, channelId, filters, await actorOf(userId), clock);
      },
      unsubscribe: async (userId, channelId) => {
        await unsubscribeDigest(prisma, channelId, await actorOf(userId), clock);
      },
    },
    deadlines: {
      why: async (ref, lang) => projectDeadlinesMessage(await explainProjectDeadlines(prisma, ref, lang), lang),
    },
    roles: {
      change: (command) => changeRole(base, command),
      list: () => listRoles(base),
    },
    flushOutbox,
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
