import type { Actor } from '../machines/shared/actor.ts';
import type { FieldSpec } from '../machines/shared/fields.ts';
import { type BatchView, closeBatch, listBatches, openBatch } from './batches/batches.ts';
import { type Clock, shanghaiDate } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { explainProjectDeadlines } from './deadlines/explain-project-deadlines.ts';
import { projectDeadlinesMessage } from './deadlines/why-message.ts';
import type { DigestFilters } from './digests/filters.ts';
import { previewDigest, subscribeDigest, unsubscribeDigest } from './digests/subscribe-digest.ts';
import { PermissionError } from './errors.ts';
import { getHome } from './home/get-home.ts';
import type { Lang } from './i18n/index.ts';
import { deliverOutbox } from './outbox/deliver-outbox.ts';
import { createLanguageResolver } from './preferences/languages.ts';
import { createCardResolver } from './projects/card-delivery.ts';
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
import { relayGuidance } from './projects/relay-guidance.ts';
import {
  type IntakeOutcome,
  intakeForms,
  removeApplicant,
  saveApplicant,
  saveMaterials,
} from './projects/update-intake.ts';
import { autoAssignEnabled } from './review/review-settings.ts';
import { changeRole, listRoles } from './roles/manage-roles.ts';
import type { Role } from './roles/roles.ts';
import { holdsAny, rolesOf } from './roles/roles.ts';
import type { AppliedEvent } from './runtime/apply-event.ts';
import { createDeadlineServices, type DeadlineServices } from './services-deadlines.ts';
import { createReviewServices, type ReviewServices } from './services-review.ts';
import { setWorkingGroupChannel, workingGroupChannel } from './settings/working-group.ts';
import type { SlackCaller } from './slack/web-api.ts';
import { appHomeView } from './views/app-home.ts';
import { runtimeHooks } from './wiring/runtime-hooks.ts';

/** What listeners may call: use cases with their dependencies bound. Listeners never see Prisma or machines. */
export interface Services {
  /** The language to answer a user in: their choice, else their Slack locale, else zh-CN. */
  langFor(userId: string): Promise<Lang>;
  /** The reader's Slack time zone (Shanghai when Slack does not say). */
  tzFor(userId: string): Promise<string>;
  /** The language of messages posted in a channel. */
  channelLang(channelId: string | null): Promise<Lang>;
  setLang(userId: string, lang: Lang): Promise<void>;
  /** Refuses early (before a form opens) when the user is not an admin. */
  assertAdmin(userId: string): Promise<void>;
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
  /** Issue 6: the expert pool, assignment and the reviewer's side. */
  review: ReviewServices;
  relay: {
    assertMay(userId: string): Promise<void>;
    send(
      userId: string,
      notice: { noticeRef: string; summary: string; factDate: string },
    ): Promise<{ relayed: string[]; failed: string[] }>;
  };
  intake: {
    forms(projectId: string, userId: string): ReturnType<typeof intakeForms>;
    saveApplicant(
      userId: string,
      projectId: string,
      index: number | null,
      applicant: Record<string, unknown>,
    ): Promise<IntakeOutcome>;
    removeApplicant(userId: string, projectId: string, index: number): Promise<IntakeOutcome>;
    saveMaterials(userId: string, projectId: string, links: Record<string, string | null>): Promise<IntakeOutcome>;
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
  deadlines: DeadlineServices & {
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
  home: {
    /** The person's App Home view, read fresh, in their language. */
    view(userId: string): Promise<Record<string, unknown>>;
    /**
     * Republishes the Home tabs of these people and, given a project, of its owner and the people its open
     * deadlines wait on; never throws (failures go to onError). `idle()` waits for it.
     */
    refresh(userIds: readonly string[], projectId?: string): Promise<void>;
  };
  settings: {
    show(): Promise<{ workingGroupChannel: string | null; autoAssign: boolean }>;
    /** An admin names the working group's channel (null unsets it). */
    setWorkingGroup(userId: string, channelId: string | null): Promise<void>;
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
  const resolver = createCardResolver(prisma);
  const flushOutbox = (keys?: readonly string[]): Promise<void> => {
    const run = deliverOutbox(prisma, slack, clock, {
      resolver,
      admins: config.admins,
      langFor: (recipient) => languages.langFor(recipient),
      leaseMs: config.claimLeaseMs,
      ...(keys ? { keys } : {}),
    })
      .then(() => undefined)
      .catch(deps.onError);
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    return run;
  };
  const base = {
    prisma,
    clock,
    admins: config.admins,
    afterCommit: (keys: string[]) => void flushOutbox(keys),
    onError: deps.onError,
    hooks: runtimeHooks,
  };
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
    assertAdmin: async (userId) => {
      if (!holdsAny(await rolesOf(prisma, userId, config.admins), ['admin']))
        throw new PermissionError('error.adminOnly');
    },
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
    review: createReviewServices(base),
    relay: {
      assertMay: async (userId) => {
        if (!holdsAny(await rolesOf(prisma, userId, config.admins), ['staff']))
          throw new PermissionError('relay.permission');
      },
      send: (userId, notice) => relayGuidance(base, { userId, ...notice }),
    },
    intake: {
      forms: (projectId, userId) => intakeForms(base, projectId, userId),
      saveApplicant: (userId, projectId, index, applicant) =>
        saveApplicant(base, { userId, projectId, index, applicant }),
      removeApplicant: (userId, projectId, index) => removeApplicant(base, { userId, projectId, index }),
      saveMaterials: (userId, projectId, links) => saveMaterials(base, { userId, projectId, links }),
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
      ...createDeadlineServices({ prisma, clock, actorOf, afterChange: () => void flushOutbox() }),
      why: async (ref, lang) => projectDeadlinesMessage(await explainProjectDeadlines(prisma, ref, lang), lang),
    },
    roles: {
      change: (command) => changeRole(base, command),
      list: () => listRoles(base),
    },
    home: (() => {
      const view = async (userId: string) =>
        appHomeView(
          await getHome(prisma, userId, await rolesOf(prisma, userId, config.admins), clock.now()),
          await languages.langFor(userId),
        );
      const publish = async (userIds: readonly string[], projectId?: string) => {
        const ids = new Set(userIds);
        if (projectId) {
          const project = await prisma.project.findUnique({
            where: { id: projectId },
            select: {
              ownerId: true,
              deadlines: {
                where: { status: { in: ['open', 'missed'] } },
                select: { responsibleUserId: true },
                take: 20,
              },
            },
          });
          if (project) ids.add(project.ownerId);
          for (const d of project?.deadlines ?? []) if (d.responsibleUserId) ids.add(d.responsibleUserId);
        }
        // views.publish replaces the whole tab, so publishing twice is harmless; no outbox needed.
        for (const userId of ids) {
          const outcome = await slack('views.publish', { user_id: userId, view: await view(userId) });
          if (outcome.kind !== 'ok') deps.onError(new Error(`views.publish for ${userId}: ${outcome.detail}`));
        }
      };
      return {
        view,
        refresh: (userIds: readonly string[], projectId?: string) => {
          const run = publish(userIds, projectId).catch(deps.onError);
          inFlight.add(run);
          void run.finally(() => inFlight.delete(run));
          return run;
        },
      };
    })(),
    settings: {
      show: async () => ({
        workingGroupChannel: await workingGroupChannel(prisma),
        autoAssign: await autoAssignEnabled(prisma),
      }),
      setWorkingGroup: async (userId, channelId) => {
        await setWorkingGroupChannel(base, userId, channelId);
      },
    },
    flushOutbox,
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
