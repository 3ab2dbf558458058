import { z } from 'zod';
import { ActorSchema } from './actor.ts';

/** A calendar date in the programme's clock (Asia/Shanghai), e.g. 2022-01-21. */
export const IsoDateSchema = z.iso.date();
/** An instant with offset, e.g. 2022-01-21T09:00:00+08:00. */
export const IsoInstantSchema = z.iso.datetime({ offset: true });

/** Free text a person types; long text is marked so the Slack modal uses a multiline input. */
export const textSchema = (max = 200) => z.string().trim().min(1).max(max);
/** Multiline free text. */
export const longTextSchema = () => z.string().trim().min(1).max(3000).meta({ field: 'textarea' });
/** A Slack user id picked with a user select. */
export const userFieldSchema = () => z.string().min(1).meta({ field: 'user' });

/** An event recording something done in the bot: factDate is optional. */
export function recordEvent<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({
    type: z.literal(type),
    actor: ActorSchema,
    recordedAt: IsoInstantSchema,
    factDate: IsoDateSchema.optional(),
    ...shape,
  });
}

/** An event about an outside fact: factDate (the letter's, notice's, arrival's date) is required. */
export function factEvent<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({
    type: z.literal(type),
    actor: ActorSchema,
    recordedAt: IsoInstantSchema,
    factDate: IsoDateSchema,
    ...shape,
  });
}

/** The programme date of an event: the fact's date, else the day it was recorded (UTC+8). */
export function eventDate(event: { recordedAt: string; factDate?: string | undefined }): string {
  return event.factDate ?? shanghaiDateOf(event.recordedAt);
}

/** The Asia/Shanghai calendar date of an instant (China keeps UTC+8 all year, no DST). */
export function shanghaiDateOf(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${instant}`);
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The later of two ISO dates (lexicographic order is chronological). */
export function laterDate(a: string | null, b: string): string {
  return a !== null && a > b ? a : b;
}
