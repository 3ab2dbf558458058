import { InputError, PermissionError } from '../errors.ts';
import type { UserActor } from '../roles/resolve-actor.ts';
import { holdsAny, type Role } from '../roles/roles.ts';
import { type ApplyEventDeps, applyEvent } from '../runtime/apply-event.ts';
import { type PrismaClient, pilotingProjects } from './repository.ts';

export interface RelayGuidanceDeps extends ApplyEventDeps {
  prisma: PrismaClient;
}

/** Guidance is relayed by the working group's staff; checked before the form opens and again on sending. */
export function assertMayRelay(roles: readonly Role[]): void {
  if (!holdsAny(roles, ['staff'])) throw new PermissionError('relay.permission');
}

/**
 * R-SUP-3: relays a CSRC guidance notice to every piloting project — each project records it through its own
 * machine (so its owner is told and its audit trail has it). Returns the references it reached.
 */
export async function relayGuidance(
  deps: RelayGuidanceDeps,
  actor: UserActor,
  command: { noticeRef: string; summary: string; factDate: string },
): Promise<{ relayed: string[]; failed: string[] }> {
  assertMayRelay(actor.roles);
  const noticeRef = command.noticeRef.trim();
  const summary = command.summary.trim();
  const fields: Record<string, { key: 'field.required' }> = {};
  if (!noticeRef) fields.noticeRef = { key: 'field.required' };
  if (!summary) fields.summary = { key: 'field.required' };
  if (Object.keys(fields).length > 0) throw new InputError('action.invalid', {}, fields);
  const projects = await pilotingProjects(deps.prisma);
  const recordedAt = deps.clock.now().toISOString();
  const relayed: string[] = [];
  const failed: string[] = [];
  // One change per project, each through the runtime: a project that cannot take it (e.g. suspended) is reported.
  for (const p of projects) {
    try {
      await applyEvent(deps, p.id, {
        type: 'guidance.relayed',
        actor,
        recordedAt,
        factDate: command.factDate,
        noticeRef,
        summary,
      });
      relayed.push(p.ref);
    } catch (error) {
      if (!(error instanceof InputError || error instanceof PermissionError)) throw error;
      failed.push(p.ref);
    }
  }
  return { relayed, failed };
}
