import type { z } from 'zod';
import { type AvailableAction, availableActions } from '../../machines/available-actions.ts';
import type { Actor } from '../../machines/shared/actor.ts';
import { shanghaiDate } from '../clock.ts';
import { InputError, NotFoundError, StaleProjectError } from '../errors.ts';
import { stageParam } from '../errors-render.ts';
import type { MessageKey } from '../i18n/index.ts';
import { rolesOf } from '../roles/roles.ts';
import { type AppliedEvent, type ApplyEventDeps, applyEvent, refusal } from '../runtime/apply-event.ts';
import { machineEntry, restoreSnapshot } from '../runtime/machines.ts';
import { BATCH_FIELDS, fieldChoices, isDirectDecision, SYSTEM_FIELDS, systemFacts } from './event-facts.ts';
import type { ProjectActionRef } from './ids.ts';
import {
  assertMayRecordSupport,
  CONVERTED_STAGE,
  recordSupportAfterConversion,
  SUPPORT_EVENT,
  supportFields,
} from './record-support.ts';

export interface PerformActionDeps extends ApplyEventDeps {
  admins: readonly string[];
}

/** The form an action needs, for the modal builder; an action without fields is applied at once. */
export interface ActionForm {
  ref: ProjectActionRef;
  projectRef: string;
  title: string;
  /** The action with only the fields a person fills in (system-filled ones removed). */
  action: AvailableAction;
  /** Choices for fields backed by the database (batches). */
  choices: Record<string, Array<{ value: string; label: string }>>;
}

async function actorOf(deps: PerformActionDeps, userId: string): Promise<Actor> {
  return { kind: 'user', userId, roles: await rolesOf(deps.prisma, userId, deps.admins) };
}

/**
 * A button was pressed (or `/pilot do` typed): re-checks, at this moment, that the person may still take the action
 * on the project as it is now (a card can be old). Returns the form when the action needs input; else applies it.
 */
export async function pressAction(
  deps: PerformActionDeps,
  userId: string,
  ref: ProjectActionRef,
): Promise<{ kind: 'form'; form: ActionForm } | { kind: 'applied'; result: AppliedEvent }> {
  const project = await deps.prisma.project.findUnique({ where: { id: ref.p } });
  if (!project) throw new NotFoundError('error.projectNotFound', { ref: ref.p });
  const actor = await actorOf(deps, userId);
  const snapshot = restoreSnapshot(project.machine, project.machineVersion, project.snapshot);
  const action = availableActions(machineEntry(project.machine).machine, snapshot, actor).find(
    (a) => a.type === ref.t && (a.decisionKind ?? undefined) === ref.k,
  );
  if (!action && ref.t === SUPPORT_EVENT && project.stage === CONVERTED_STAGE) {
    // R-INC-2 after conversion: the machine is final; the form is the machine's own, the record is kept beside it.
    assertMayRecordSupport(actor.kind === 'user' ? actor.roles : []);
    const support = { type: SUPPORT_EVENT, labelKey: `event.${SUPPORT_EVENT}`, fact: true, fields: supportFields() };
    return { kind: 'form', form: { ref, projectRef: project.ref, title: project.title, action: support, choices: {} } };
  }
  if (!action) {
    const stage = stageParam(project.machine, project.stage);
    if (project.version !== ref.v) throw new StaleProjectError('error.stale', { ref: project.ref, stage });
    // Same version: the action was never this person's, or the state does not allow it; say which.
    const info = machineEntry(project.machine).events[ref.t];
    if (!info) throw new InputError('action.unknown', { action: ref.t, ref: project.ref });
    throw refusal({ type: ref.t, actor, decisionKind: ref.k }, info.senders, project.ref, stage, snapshot.context);
  }
  const current = { ...ref, v: project.version };
  const system = SYSTEM_FIELDS[action.type] ?? [];
  const fields = action.fields.filter((f) => !system.includes(f.name));
  if (fields.length > 0 && !isDirectDecision(action)) {
    const choices = await fieldChoices(
      deps.prisma,
      action.type,
      shanghaiDate(deps.clock.now()),
      snapshot.context as Record<string, unknown>,
    );
    // A choice field with nothing to choose cannot be filled in: say why instead of opening an empty form.
    const empty = fields.find((f) => f.required && choices[f.name]?.length === 0);
    if (empty) throw new InputError(BATCH_FIELDS[action.type] ? 'action.noBatch' : 'action.noRecords');
    return {
      kind: 'form',
      form: { ref: current, projectRef: project.ref, title: project.title, action: { ...action, fields }, choices },
    };
  }
  return { kind: 'applied', result: await submitAction(deps, userId, current, {}) };
}

/** Resolves a typed action name (`/pilot do P-2026-001 intake.submit`, or its label) to a button reference. */
export async function resolveTypedAction(
  deps: PerformActionDeps,
  userId: string,
  projectId: string,
  typed: string,
): Promise<ProjectActionRef> {
  const project = await deps.prisma.project.findUniqueOrThrow({ where: { id: projectId } });
  const [type, kind] = typed.split(':');
  const entry = machineEntry(project.machine);
  if (!type || !entry.events[type]) throw new InputError('action.unknown', { action: typed, ref: project.ref });
  const actor = await actorOf(deps, userId);
  const snapshot = restoreSnapshot(project.machine, project.machineVersion, project.snapshot);
  const candidates = availableActions(entry.machine, snapshot, actor).filter((a) => a.type === type);
  const chosen = kind ? candidates.find((a) => a.decisionKind === kind) : candidates[0];
  return {
    p: project.id,
    v: project.version,
    t: type,
    ...(chosen?.decisionKind ? { k: chosen.decisionKind } : kind ? { k: kind } : {}),
  };
}

/**
 * A filled-in action form: validates the values with the event's own schema (errors come back per field), then
 * applies the event through the runtime as this person, recorded now.
 */
export async function submitAction(
  deps: PerformActionDeps,
  userId: string,
  ref: ProjectActionRef,
  values: Record<string, unknown>,
): Promise<AppliedEvent> {
  const project = await deps.prisma.project.findUnique({ where: { id: ref.p } });
  if (!project) throw new NotFoundError('error.projectNotFound', { ref: ref.p });
  if (ref.t === SUPPORT_EVENT && project.stage === CONVERTED_STAGE) {
    await recordSupportAfterConversion(deps, userId, project.id, values);
    return {
      projectId: project.id,
      ref: project.ref,
      version: project.version,
      from: CONVERTED_STAGE,
      to: CONVERTED_STAGE,
      stage: project.stage,
      status: project.status,
      deadlines: [],
      outboxKeys: [],
      context: null,
    };
  }
  const entry = machineEntry(project.machine);
  const schema = entry.eventSchemas[ref.t];
  if (!schema) throw new InputError('action.unknown', { action: ref.t, ref: project.ref });
  const now = deps.clock.now();
  const event = {
    ...values,
    ...(await systemFacts(deps.prisma, project, ref.t, values, now)),
    type: ref.t,
    ...(ref.k ? { decisionKind: ref.k } : {}),
    actor: await actorOf(deps, userId),
    recordedAt: now.toISOString(),
  };
  const parsed = schema.safeParse(event);
  if (!parsed.success) throw fieldErrors(parsed.error);
  return applyEvent(deps, ref.p, parsed.data as never);
}

function fieldErrors(error: z.ZodError): InputError {
  const fields: Record<string, { key: MessageKey; params?: Record<string, string | number> }> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || fields[field]) continue;
    fields[field] = { key: issueKey(issue) };
  }
  return new InputError('action.invalid', {}, fields);
}

function issueKey(issue: z.core.$ZodIssue): MessageKey {
  switch (issue.code) {
    case 'invalid_type':
      return 'field.required';
    case 'too_small':
      return 'field.required';
    case 'too_big':
      return 'field.tooLong';
    case 'invalid_format':
      return 'field.invalidFormat';
    case 'invalid_value':
      return 'field.invalidChoice';
    default:
      return 'field.invalid';
  }
}

/** The form fields of an action (by its button reference), to read a submitted modal back. */
export async function actionFields(deps: PerformActionDeps, ref: ProjectActionRef) {
  const project = await deps.prisma.project.findUnique({ where: { id: ref.p }, select: { machine: true, ref: true } });
  if (!project) throw new NotFoundError('error.projectNotFound', { ref: ref.p });
  const info = machineEntry(project.machine).events[ref.t];
  if (!info) throw new InputError('action.unknown', { action: ref.t, ref: project.ref });
  return (ref.k ? info.decisions?.[ref.k]?.fields : undefined) ?? info.fields;
}
