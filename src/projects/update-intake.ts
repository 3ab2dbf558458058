import { z } from 'zod';
import { availableActions } from '../../machines/available-actions.ts';
import type { EligibilityResult } from '../../machines/shared/eligibility.ts';
import { type Applicant, ApplicantSchema } from '../../machines/shared/institutions.ts';
import { usccProblem } from '../../machines/shared/uscc.ts';
import { InputError, PermissionError } from '../errors.ts';
import type { MessageKey } from '../i18n/index.ts';
import { stageParam } from '../i18n/render-error.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { applyEvent } from '../runtime/apply-event.ts';
import { machineEntry, restoreSnapshot } from '../runtime/machines.ts';
import { REQUIRED_MATERIALS } from './get-project-card.ts';
import type { PerformActionDeps } from './perform-action.ts';
import { type Db, requireProject, saveMaterialLinks } from './repository.ts';

/** The machine event that edits an application, per track. */
export const UPDATE_EVENT: Record<string, string> = { pilot: 'intake.update', coaching: 'coaching.update' };

/** What the person sees after saving: the eligibility verdict with a reason per rule, and what is still missing. */
export interface IntakeOutcome {
  ref: string;
  eligibility: EligibilityResult;
  missingMaterials: string[];
  applicants: Applicant[];
}

/** A link to a material: a web address or a Slack file permalink; blank means "to follow". */
const LinkSchema = z.url({ protocol: /^https?$/ }).max(1000);

const USCC_PROBLEM: Record<NonNullable<ReturnType<typeof usccProblem>>, MessageKey> = {
  length: 'intake.uscc.length',
  charset: 'intake.uscc.charset',
  checksum: 'intake.uscc.checksum',
};

type FieldErrors = Record<string, { key: MessageKey; params?: Record<string, string | number> }>;

async function load(deps: PerformActionDeps, projectId: string) {
  const project = await requireProject(deps.prisma, projectId);
  const context = restoreSnapshot(project.machine, project.machineVersion, project.snapshot).context as {
    applicants: Applicant[];
  };
  return { project, applicants: context.applicants ?? [] };
}

async function update(
  deps: PerformActionDeps,
  actor: UserActor,
  projectId: string,
  machine: string,
  payload: Record<string, unknown>,
  writeAlso?: (tx: Db, id: string) => Promise<void>,
): Promise<IntakeOutcome> {
  const type = UPDATE_EVENT[machine];
  if (!type) throw new InputError('action.unknown', { action: 'update', ref: projectId });
  const result = await applyEvent(
    deps,
    projectId,
    { type, actor, recordedAt: deps.clock.now().toISOString(), ...payload },
    writeAlso ? { writeAlso } : {},
  );
  const ctx = result.context as { eligibility: EligibilityResult; materials: string[]; applicants: Applicant[] };
  return {
    ref: result.ref,
    eligibility: ctx.eligibility,
    missingMaterials: (REQUIRED_MATERIALS[machine] ?? []).filter((m) => !ctx.materials.includes(m)),
    applicants: ctx.applicants,
  };
}

/**
 * Adds an applicant, or replaces the one at `index`: the code is checked (GB 32100-2015) before anything is stored,
 * and marking one applicant as lead makes it the only lead. Eligibility is re-evaluated by the machine.
 */
export async function saveApplicant(
  deps: PerformActionDeps,
  command: { actor: UserActor; projectId: string; index: number | null; applicant: Record<string, unknown> },
): Promise<IntakeOutcome> {
  const errors: FieldErrors = {};
  const uscc = typeof command.applicant.uscc === 'string' ? command.applicant.uscc : '';
  const problem = usccProblem(uscc);
  if (problem) errors.uscc = { key: USCC_PROBLEM[problem] };
  const parsed = ApplicantSchema.safeParse({
    ...withMainOfficeDefault(command.applicant),
    uscc: uscc.normalize('NFKC').replace(/\s+/g, '').toUpperCase(),
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      errors[field] ??= { key: 'field.invalid' };
    }
  if (Object.keys(errors).length > 0) throw new InputError('action.invalid', {}, errors);
  const applicant = parsed.data!;
  const { project, applicants } = await load(deps, command.projectId);
  const list = [...applicants];
  if (command.index !== null && (command.index < 0 || command.index >= list.length))
    throw new InputError('intake.applicantGone');
  if (command.index === null) list.push(applicant);
  else list[command.index] = applicant;
  const withLead = applicant.lead ? list.map((a) => (a === applicant ? a : { ...a, lead: false })) : list;
  return update(deps, command.actor, project.id, project.machine, { applicants: withLead });
}

/**
 * Most institutions have their main office where they are registered: a main office left empty is the registration
 * place, so staff type a place once. A main office half filled in is left as typed, so the form says what is missing.
 */
function withMainOfficeDefault(applicant: Record<string, unknown>): Record<string, unknown> {
  const office = (applicant.mainOffice ?? {}) as { province?: unknown; city?: unknown };
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  if (!blank(office.province) || !blank(office.city)) return applicant;
  return { ...applicant, mainOffice: applicant.registration };
}

/** Removes the applicant at `index`. */
export async function removeApplicant(
  deps: PerformActionDeps,
  command: { actor: UserActor; projectId: string; index: number },
): Promise<IntakeOutcome> {
  const { project, applicants } = await load(deps, command.projectId);
  if (command.index < 0 || command.index >= applicants.length) throw new InputError('intake.applicantGone');
  return update(deps, command.actor, project.id, project.machine, {
    applicants: applicants.filter((_, i) => i !== command.index),
  });
}

/**
 * Records the application's materials (R-APP-8) as links, blank meaning "to follow". The machine learns which
 * materials are in; the links themselves are kept with the application in the same transaction.
 */
export async function saveMaterials(
  deps: PerformActionDeps,
  command: { actor: UserActor; projectId: string; links: Record<string, string | null> },
): Promise<IntakeOutcome> {
  const { project } = await load(deps, command.projectId);
  const required = REQUIRED_MATERIALS[project.machine] ?? [];
  const errors: FieldErrors = {};
  const links: Record<string, string | null> = {};
  for (const material of required) {
    const raw = command.links[material]?.trim() || null;
    if (raw && !LinkSchema.safeParse(raw).success) errors[material] = { key: 'intake.linkInvalid' };
    links[material] = raw;
  }
  if (Object.keys(errors).length > 0) throw new InputError('action.invalid', {}, errors);
  const present = required.filter((m) => links[m]);
  return update(deps, command.actor, project.id, project.machine, { materials: present }, (tx, id) =>
    saveMaterialLinks(tx, id, links),
  );
}

/**
 * The application's stored material links and applicants, to prefill the forms; only for someone who may edit
 * the application now (the same check as the edit button: role and state).
 */
export async function intakeForms(deps: PerformActionDeps, actor: UserActor, projectId: string) {
  const { project, applicants } = await load(deps, projectId);
  const snapshot = restoreSnapshot(project.machine, project.machineVersion, project.snapshot);
  const type = UPDATE_EVENT[project.machine] ?? '';
  if (!availableActions(machineEntry(project.machine).machine, snapshot, actor).some((a) => a.type === type))
    throw new PermissionError('intake.notEditable', {
      ref: project.ref,
      stage: stageParam(project.machine, project.stage),
    });
  const intake = (project.intake ?? {}) as { materials?: Record<string, string | null> };
  return {
    projectRef: project.ref,
    title: project.title,
    machine: project.machine,
    required: REQUIRED_MATERIALS[project.machine] ?? [],
    links: intake.materials ?? {},
    applicants,
  };
}
