import type { SlackCallOutcome } from '../slack/web-api.ts';

/** Sends a file's bytes to the upload URL Slack handed out; never throws, like the Web API caller. */
export type ByteUploader = (url: string, bytes: Uint8Array, filename: string) => Promise<SlackCallOutcome>;

/**
 * POSTs the raw bytes to Slack's upload URL (Slack accepts raw bytes or multipart). A refusal of the size is final;
 * anything else is retried by the outbox, which asks for a fresh URL on every attempt (upload URLs are short-lived).
 */
export const postBytes: ByteUploader = async (url, bytes, filename) => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-filename': encodeURIComponent(filename) },
      body: bytes,
      signal: AbortSignal.timeout(60_000),
    });
    const detail = `upload http ${response.status}`;
    await response.arrayBuffer();
    if (response.ok) return { kind: 'ok', result: { status: response.status } };
    return response.status === 413 ? { kind: 'permanent', detail } : { kind: 'transient', detail };
  } catch (error) {
    return { kind: 'transient', detail: `upload: ${error instanceof Error ? error.message : String(error)}` };
  }
};
