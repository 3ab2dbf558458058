import type { z } from 'zod';
import { InputError } from '../errors.ts';

/** Parses a button value or private_metadata with its schema; a forged or stale value is the user's input error. */
export function parseMetadata<S extends z.ZodType>(schema: S, raw: string | undefined): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    throw new InputError('error.metadata');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InputError('error.metadata');
  return parsed.data;
}
