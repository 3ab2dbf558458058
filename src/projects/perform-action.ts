import type { z } from 'zod';
import { type AvailableAction, availableActions } from '../../machines/available-actions.ts';
import { shanghaiDate } from '../clock.ts';
import { InputError, StaleProjectError } from '../errors.ts';
import type { MessageKey } from '../i18n/index.ts';
import { stageParam } from '../i18n/render-error.ts';
import {
  afterConversionChoices,
  afterConversionRecordActions,
  isAfterConversionEvent,
  recordAfterConversion,
} from '../records/record-after-conversion.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { type AppliedEvent, type ApplyEventDeps, applyEvent, refusal } from '../runtime/apply-event.ts';
import { machineEntry, restoreSnapshot } from '../runtime/machines.ts';
import type { LoadedProject } from '../runtime/types.ts';
import {
  BATCH_FIELDS,
  type FieldChoice,
  fieldChoices,
  isDirectDecision,
  SYSTEM_FIELDS,
  systemFacts,
} from './event-facts.ts';
import type { ProjectActionRef } from './ids.ts';
import {
  assertMayRecordSupport,
  CONVERTED_STAGE,
  recordSupportAfterConversion,
  SUPPORT_EVENT,
  supportFields,
} from './record-support.ts';
import { requireProject } from './repository.ts';

/** A press or a form needs what the change path needs: the person's roles come with their actor. */
export type PerformActionDeps = ApplyEventDeps;

/** The form an action needs, for the modal builder; an action without fields is applied at once. */
export interface ActionForm {
  ref: ProjectActionRef;
  projectRef: string;
  title: string;
  /** The action with only the fields a person fills in (system-filled ones removed). */
  action: AvailableAction;
  /** Choices for fields backed by the database (batches). */
  choices: Record<string, FieldChoice[]>;
}

/**
 * A button was pressed (or `/pilot do` typed): re-checks, at this moment, that the person may still take the action
 * on the project as it is now (a card can be old). Returns the form when the action needs input; else applies it.
 */
export async function pressAction(
  deps: PerformActionDeps,
  actor: UserActor,
  ref: ProjectActionRef,
): Promise<{ kind: 'form'; form: ActionForm } | { kind: 'applied'; result: AppliedEvent }> {
  // The one read of the project on a press: the re-check, the form and the change itself all use this row.
  const project = await requireProject(deps.prisma, ref.p);
  const snapshot = restoreSnapshot(project.machine, project.machineVersion, project.snapshot);
  const action = availableActions(machineEntry(project.machine).machine, snapshot, actor).find(
    (a) => a.type === ref.t && (a.decisionKind ?? undefined) === ref.k,
  );
  if (!action && ref.t === SUPPORT_EVENT && project.stage === CONVERTED_STAGE) {
    // R-INC-2 after conversion: the machine is final; the form is the machine's own, the record is kept beside it.
    assertMayRecordSupport(actor.roles);
    const support = { type: SUPPORT_EVENT, labelKey: `event.${SUPPORT_EVENT}`, fact: true, fields: supportFields() };
    return { kind: 'form', form: { ref, projectRef: project.ref, title: project.title, action: support, choices: {} } };
  }
  if (!action && isAfterConversionEvent(project, ref.t)) {
    // Issue 13: complaints and incidents after conversion are records beside the final machine, on its own forms.
    const form = afterConversionRecordActions(actor.roles).find((a) => a.type === ref.t);
    if (!form) throw refusal({ type: ref.t, actor }, ['staff', 'manager'], project.ref, project.stage, null);
    const choices = await afterConversionChoices(deps.prisma, project.id, ref.t);
    if (Object.values(choices).some((c) => c.length === 0)) throw new InputError('action.noRecords');
    return { kind: 'form', form: { ref, projectRef: project.ref, title: project.title, action: form, choices } };
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
      project.id,
    );
    // A choice field with nothing to choose cannot be filled in: say why instead of opening an empty form.
    const empty = fields.find((f) => f.required && choices[f.name]?.length === 0);
    if (empty) throw new InputError(BATCH_FIELDS[action.type] ? 'action.noBatch' : 'action.noRecords');
    return {
      kind: 'form',
      form: { ref: current, projectRef: project.ref, title: project.title, action: { ...action, fields }, choices },
    };
  }
  return { kind: 'applied', result: await applyAction(deps, actor, project, current, {}) };
}

/** Resolves a typed action name (`/pilot do P-2026-001 intake.submit`, or its label) to a button reference. */
export async function resolveTypedAction(
  deps: PerformActionDeps,
  actor: UserActor,
  projectId: string,
  typed: string,
): Promise<ProjectActionRef> {
  const project = await requireProject(deps.prisma, projectId);
  const [type, kind] = typed.split(':');
  const entry = machineEntry(project.machine);
  if (!type || !entry.events[type]) throw new InputError('action.unknown', { action: typed, ref: project.ref });
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
  actor: UserActor,
  ref: ProjectActionRef,
  values: Record<string, unknown>,
): Promise<AppliedEvent> {
  const project = await requireProject(deps.prisma, ref.p);
  return applyAction(deps, actor, project, ref, values);
}

/** The change an action makes, on the row this request already read; the runtime parses the event once. */
/** What a change kept beside a converted project's final machine looks like to the caller: nothing moved. */
function besideTheMachine(project: LoadedProject): AppliedEvent {
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

async function applyAction(
  deps: PerformActionDeps,
  actor: UserActor,
  project: LoadedProject,
  ref: ProjectActionRef,
  values: Record<string, unknown>,
): Promise<AppliedEvent> {
  if (ref.t === SUPPORT_EVENT && project.stage === CONVERTED_STAGE) {
    await recordSupportAfterConversion(deps, actor, project, values);
    return besideTheMachine(project);
  }
  if (isAfterConversionEvent(project, ref.t)) {
    await recordAfterConversion(deps, actor, project, ref.t, values);
    return besideTheMachine(project);
  }
  if (!machineEntry(project.machine).eventSchemas[ref.t])
    throw new InputError('action.unknown', { action: ref.t, ref: project.ref });
  const now = deps.clock.now();
  const event = {
    ...values,
    ...(await systemFacts(deps.prisma, project, ref.t, values, now)),
    type: ref.t,
    ...(ref.k ? { decisionKind: ref.k } : {}),
    actor,
    recordedAt: now.toISOString(),
  };
  // The runtime validates with the event's own schema; a refused form answers under its fields.
  return applyEvent(deps, ref.p, event as never, { loaded: project, invalid: fieldErrors });
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
  const project = await requireProject(deps.prisma, ref.p);
  const info = machineEntry(project.machine).events[ref.t];
  if (!info) throw new InputError('action.unknown', { action: ref.t, ref: project.ref });
  return (ref.k ? info.decisions?.[ref.k]?.fields : undefined) ?? info.fields;
}
