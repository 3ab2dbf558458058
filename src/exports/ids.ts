import { z } from 'zod';

/** The virtual outbox method of a generated file: resolved at send time into Slack's external upload flow. */
export const FILE_METHOD = 'pilotdesk.file' as const;

/** What a file's outbox row carries: the generated file's id (its bytes wait in the GeneratedFile table). */
export const FileArgsSchema = z.object({ fileId: z.uuid() });
