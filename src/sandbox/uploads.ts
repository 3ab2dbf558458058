import { randomBytes } from 'node:crypto';

/** A file being shared: its name, the length announced, and the bytes once POSTed to its upload URL. */
export interface SandboxUpload {
  filename: string;
  length: number;
  bytes?: Buffer;
}

/** The sandbox's file uploads (Slack's external upload flow), kept in memory: a restart forgets the bytes. */
export class SandboxUploads {
  private readonly files = new Map<string, SandboxUpload>();

  constructor(private readonly baseUrl: () => string) {}

  /** An upload URL on the sandbox for a file (files.getUploadURLExternal); the bytes stay in memory. */
  newUpload(filename: string, length: number): { id: string; url: string } {
    const id = `F${randomBytes(5).toString('hex').toUpperCase()}`;
    this.files.set(id, { filename, length });
    return { id, url: `${this.baseUrl()}/upload/${id}` };
  }

  /** A file an upload URL was handed out for, with its bytes once received. */
  upload(id: string): SandboxUpload | undefined {
    return this.files.get(id);
  }

  /** Where the page downloads a shared file. */
  downloadUrl(id: string, filename: string): string {
    return `${this.baseUrl()}/files/${id}/${encodeURIComponent(filename)}`;
  }

  /** The bytes POSTed to an upload URL: 404 for a URL never handed out, 413 for more than was announced. */
  receiveUpload(id: string, bytes: Buffer): number {
    const u = this.files.get(id);
    if (!u) return 404;
    if (bytes.length === 0 || bytes.length > u.length) return 413;
    u.bytes = bytes;
    return 200;
  }
}
