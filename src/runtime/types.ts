import type { ZodError } from 'zod';
import type { Actor } from '../../machines/shared/actor.ts';
import type { ChecklistParams, NotifyParams } from '../../machines/shared/settings.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import type { Clock } from '../clock.ts';
import type { Prisma, PrismaClient, Project } from '../db/client.ts';
import type { DeadlineChange } from '../deadlines/sync-deadlines.ts';
import type { Lang } from '../i18n/index.ts';
import type { OutboxResolver } from '../outbox/deliver-outbox.ts';
import type { OutboxItem } from '../outbox/enqueue-messages.ts';
import type { MessageBody } from '../outbox/rendered.ts';

declare module '../outbox/rendered.ts' {
  /** The change path's own messages: a machine's notify and checklist effects, a moved due date. */
  interface MessageData {
    notify: { params: NotifyParams; project: { ref: string; title: string } };
    checklist: { params: ChecklistParams; project: { ref: string } };
    'deadline.moved': { change: DeadlineChange; project: { ref: string } };
  }
}

/** What the timeline of a change says: the event, who sent it and where the project stands after it. */
export interface ChangeEntry {
  eventType: string;
  actorId: string | null;
  stage: string;
}

/** One change as the in-transaction writers see it: the project, the event as applied, and where it led. */
export interface ChangeWrite {
  project: HookProject;
  event: EventInput;
  from: string;
  to: string;
  /** The machine's context after the change. */
  context: unknown;
  now: Date;
  /** The working calendar, read once per change and only when asked (the change's own read is shared). */
  calendar(): Promise<WorkingCalendar>;
}

/** The project as a hook sees it while the change is written. */
export interface HookProject {
  id: string;
  ref: string;
  title: string;
  ownerId: string;
  channelId: string | null;
  version: number;
}

/**
 * How the areas plug into the one change path without the runtime knowing them (set up in src/wiring): checks that
 * need the database before a change, the messages every change brings, notify effects that are messages of their
 * own, and follow-ups that are changes of their own.
 */
export interface RuntimeHooks {
  /** Run before the change is written; throw a UserFacingError to refuse it (e.g. the conflict-of-interest gate). */
  readonly checks: ReadonlyArray<
    (db: PrismaClient, change: { projectId: string; event: EventInput; today: string }) => Promise<void>
  >;
  /**
   * Rows an area keeps beside the machine, written in the change's own transaction after its audit row (e.g. the
   * supervision records people wrote): the machine decides what is allowed, these rows hold what was said.
   */
  readonly changeWrites: ReadonlyArray<(tx: Prisma.TransactionClient, change: ChangeWrite) => Promise<void>>;
  /** Outbox items written with every change (the card refresh and the thread line). */
  readonly changeMessages: ReadonlyArray<(projectId: string, version: number, entry: ChangeEntry) => OutboxItem[]>;
  /** A notify template that is a message of its area instead of the plain one (the reviewer's invitation). */
  readonly notifyMessages: Readonly<
    Record<
      string,
      (
        tx: Prisma.TransactionClient,
        project: HookProject,
        params: NotifyParams,
        deadlines: readonly DeadlineChange[],
      ) => Promise<MessageBody>
    >
  >;
  /**
   * How the virtual outbox rows are sent: cards and threads against the project as it is then, workflow messages
   * rendered from their data by their views (decision 020).
   */
  readonly resolver: (prisma: PrismaClient, clock: Clock) => OutboxResolver;
  /** The stored language of a recipient (a person's choice or a channel's setting), or null. */
  readonly recipientLang: (tx: Prisma.TransactionClient, recipient: string) => Promise<Lang | null>;
  /** After commit: follow-ups that are changes of their own, each through applyEvent again; failures are reported. */
  readonly followUps: ReadonlyArray<(deps: ApplyEventDeps, applied: AppliedEvent, event: EventInput) => Promise<void>>;
}

export interface ApplyEventDeps {
  prisma: PrismaClient;
  clock: Clock;
  /** Called after commit with the outbox keys the change wrote, so they are sent at once. */
  afterCommit(outboxKeys: string[]): void;
  /** Told about a failed follow-up (e.g. the automatic reviewer assignment after a change); the change stands. */
  onError?(error: unknown): void;
  /** The areas' checks, messages and follow-ups (src/wiring); the runtime itself knows no area. */
  hooks: RuntimeHooks;
}

/** An event as a use case builds it: the runtime adds nothing but checks everything. */
export interface EventInput {
  type: string;
  actor: Actor;
  recordedAt: string;
  factDate?: string;
  [field: string]: unknown;
}

/** Extra writes that belong to the same change (e.g. the application's links beside the machine's materials). */
export interface ApplyOptions {
  writeAlso?(tx: Prisma.TransactionClient, projectId: string): Promise<void>;
  /**
   * The project row the caller already read for this request (a button press re-checks on it): the first attempt
   * uses it instead of reading again; the version check still guards the write, and a retry reads fresh.
   */
  loaded?: LoadedProject;
  /** How an event the schema refuses is reported (an action form answers per field); a generic error otherwise. */
  invalid?(error: ZodError): Error;
}

/** A project row as `applyEvent` reads it. */
export type LoadedProject = Project;

export interface AppliedEvent {
  projectId: string;
  ref: string;
  version: number;
  from: string;
  to: string;
  stage: string;
  status: string;
  deadlines: DeadlineChange[];
  outboxKeys: string[];
  /** The machine's context after the change (eligibility, materials…), for the answer to the person. */
  context: unknown;
}
