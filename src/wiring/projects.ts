import type { FieldSpec } from '../../machines/shared/fields.ts';
import { assertMayCreateProject, type CreateProjectCommand, createProject } from '../projects/create-project.ts';
import { findProjectByRef } from '../projects/find-project.ts';
import { getProjectCard, type ProjectCardData } from '../projects/get-project-card.ts';
import type { ProjectActionRef } from '../projects/ids.ts';
import { listProjects, type ProjectFilter, type ProjectPage } from '../projects/list-projects.ts';
import {
  type ActionForm,
  actionFields,
  pressAction,
  resolveTypedAction,
  submitAction,
} from '../projects/perform-action.ts';
import { assertMayRelay, relayGuidance } from '../projects/relay-guidance.ts';
import {
  type IntakeOutcome,
  intakeForms,
  removeApplicant,
  saveApplicant,
  saveMaterials,
} from '../projects/update-intake.ts';
import type { AppliedEvent } from '../runtime/apply-event.ts';
import type { WiringContext } from './context.ts';

type PressOutcome = { kind: 'form'; form: ActionForm } | { kind: 'applied'; result: AppliedEvent };

/** The projects area as listeners call it: each call names the person, whose actor is resolved once here. */
export interface ProjectsWiring {
  projects: {
    assertMayCreate(userId: string): Promise<void>;
    create(command: Omit<CreateProjectCommand, 'actor'> & { userId: string }): Promise<{ id: string; ref: string }>;
    cardByRef(ref: string, viewerId: string): Promise<ProjectCardData>;
    card(projectId: string, viewerId: string): Promise<ProjectCardData>;
    press(userId: string, ref: ProjectActionRef): Promise<PressOutcome>;
    submit(userId: string, ref: ProjectActionRef, values: Record<string, unknown>): Promise<AppliedEvent>;
    fields(ref: ProjectActionRef): Promise<FieldSpec[]>;
    list(filter: ProjectFilter, page: number, viewerId: string): Promise<ProjectPage>;
    /** `/pilot do <ref> <action>`: the typed twin of pressing the action's button. */
    pressTyped(userId: string, projectRef: string, action: string): Promise<PressOutcome>;
  };
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
}

/** Binds the project, intake and relay use cases. */
export function projectsWiring(ctx: WiringContext): ProjectsWiring {
  const { prisma, actorOf } = ctx;
  const card = async (projectId: string, viewerId: string) =>
    getProjectCard(prisma, projectId, await actorOf(viewerId));
  return {
    projects: {
      assertMayCreate: async (userId) => assertMayCreateProject(await actorOf(userId)),
      create: async ({ userId, ...command }) => createProject(ctx, { ...command, actor: await actorOf(userId) }),
      cardByRef: async (ref, viewerId) => card((await findProjectByRef(prisma, ref)).id, viewerId),
      card,
      press: async (userId, ref) => pressAction(ctx, await actorOf(userId), ref),
      fields: (ref) => actionFields(ctx, ref),
      list: (filter, page, viewerId) => listProjects(prisma, filter, page, viewerId, ctx.clock.now()),
      submit: async (userId, ref, values) => submitAction(ctx, await actorOf(userId), ref, values),
      pressTyped: async (userId, projectRef, action) => {
        const actor = await actorOf(userId);
        const project = await findProjectByRef(prisma, projectRef);
        return pressAction(ctx, actor, await resolveTypedAction(ctx, actor, project.id, action));
      },
    },
    relay: {
      assertMay: async (userId) => assertMayRelay((await actorOf(userId)).roles),
      send: async (userId, notice) => relayGuidance(ctx, await actorOf(userId), notice),
    },
    intake: {
      forms: async (projectId, userId) => intakeForms(ctx, await actorOf(userId), projectId),
      saveApplicant: async (userId, projectId, index, applicant) =>
        saveApplicant(ctx, { actor: await actorOf(userId), projectId, index, applicant }),
      removeApplicant: async (userId, projectId, index) =>
        removeApplicant(ctx, { actor: await actorOf(userId), projectId, index }),
      saveMaterials: async (userId, projectId, links) =>
        saveMaterials(ctx, { actor: await actorOf(userId), projectId, links }),
    },
  };
}
