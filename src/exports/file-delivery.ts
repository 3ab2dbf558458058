import type { OutboxResolver, ResolvedCall } from '../outbox/deliver-outbox.ts';
import type { SlackCaller, SlackCallOutcome } from '../slack/web-api.ts';
import { FileArgsSchema } from './ids.ts';
import { generatedFile, markFileDelivered, type PrismaClient } from './repository.ts';
import { type ByteUploader, postBytes } from './upload-bytes.ts';

type Step<T> = { ok: true; value: T } | { ok: false; outcome: SlackCallOutcome };

async function step<T>(
  slack: SlackCaller,
  method: string,
  args: Record<string, unknown>,
  pick: (result: Record<string, unknown>) => T | undefined,
): Promise<Step<T>> {
  const outcome = await slack(method, args);
  if (outcome.kind !== 'ok') return { ok: false, outcome };
  const value = pick(outcome.result);
  if (value === undefined) return { ok: false, outcome: { kind: 'transient', detail: `${method}: unexpected answer` } };
  return { ok: true, value };
}

/**
 * Resolves a file's outbox row into Slack's external upload flow, worked out at send time: the requester's DM
 * (conversations.open), an upload URL and file id (files.getUploadURLExternal), the bytes POSTed there, then
 * files.completeUploadExternal sharing it in the DM with its summary. Any step's failure is the row's outcome, so the
 * outbox retries the whole flow with a fresh URL (an upload never completed is discarded by Slack).
 */
export function createFileResolver(
  prisma: PrismaClient,
  now: () => Date,
  upload: ByteUploader = postBytes,
): OutboxResolver {
  return async (_method, args): Promise<ResolvedCall> => {
    const { fileId } = FileArgsSchema.parse(args);
    return {
      method: 'files.completeUploadExternal',
      args: { fileId },
      send: async (slack) => {
        const file = await generatedFile(prisma, fileId);
        if (file?.deliveredAt) return { kind: 'ok', result: { files: [{ id: file.slackFileId }] } };
        if (!file?.bytes) return { kind: 'permanent', detail: `generated file ${fileId} is gone` };
        const dm = await step(slack, 'conversations.open', { users: file.requesterId }, (r) => {
          const id = (r.channel as { id?: unknown } | undefined)?.id;
          return typeof id === 'string' ? id : undefined;
        });
        if (!dm.ok) return dm.outcome;
        const target = await step(
          slack,
          'files.getUploadURLExternal',
          { filename: file.filename, length: file.size },
          (r) =>
            typeof r.upload_url === 'string' && typeof r.file_id === 'string'
              ? { url: r.upload_url, id: r.file_id }
              : undefined,
        );
        if (!target.ok) return target.outcome;
        const sent = await upload(target.value.url, file.bytes, file.filename);
        if (sent.kind !== 'ok') return sent;
        const done = await slack('files.completeUploadExternal', {
          files: [{ id: target.value.id, title: file.title }],
          channel_id: dm.value,
          initial_comment: file.comment,
        });
        if (done.kind === 'ok') await markFileDelivered(prisma, file.id, target.value.id, now());
        return done;
      },
    };
  };
}
