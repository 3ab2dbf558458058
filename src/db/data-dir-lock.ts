import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'pilotdesk.lock';

/** Who holds a data folder, as written in its lock file. */
export interface LockHolder {
  pid: number;
  /** When the holder took the lock (ISO 8601). */
  since: string;
  hostname: string;
  /** What the holder runs, e.g. "the bot" or "npm run tick". */
  role: string;
  /** The holder's command line, for the operator to recognise it. */
  command: string;
  /** The holder's start time in clock ticks since boot (/proc/<pid>/stat field 22), where the system has one. */
  processStart: number | null;
  /** The folder the lock was taken on: a copied folder carries a lock that is not about it. */
  dataDir: string;
  /** Unique per acquisition, so a process releases only its own lock. */
  token: string;
}

/** A second process tried to open a data folder another live process holds. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by ${holder.role} (pid ${holder.pid} on ${holder.hostname}, ` +
        `since ${holder.since}, command: ${holder.command}); stop that process first, or set DATABASE_URL to a ` +
        'PostgreSQL server to run several processes at once.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** A held lock; `release()` is idempotent and removes the file only while it is still this process's. */
export interface DataDirLock {
  readonly path: string;
  readonly holder: LockHolder;
  release(): void;
}

/** What the lock needs to know about processes; tests pass their own to stage dead or reused pids. */
export interface ProcessProbe {
  /** True when a process with this pid exists on this host. */
  alive(pid: number): boolean;
  /** The process's start time in clock ticks since boot, or null where it cannot be read. */
  startTime(pid: number): number | null;
}

/** Reads processes through signals and /proc (Linux); elsewhere only whether the pid exists is known. */
export const systemProbe: ProcessProbe = {
  alive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists but belongs to someone else, which still makes it a live holder.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  startTime(pid) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name (field 2) may contain spaces and parentheses: count fields after its closing one.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const start = Number(fields[19]);
      return Number.isFinite(start) ? start : null;
    } catch {
      return null;
    }
  },
};

// A recovery guard older than this belongs to a process that died mid-recovery.
const GUARD_STALE_MS = 10_000;

/**
 * Takes the data folder's exclusive lock, recovering it from a dead holder (pid gone, or reused by a process that
 * started later). Throws DataDirLockedError naming a live holder. Released on `release()` or when the process exits.
 */
export function lockDataDir(
  dataDir: string,
  options: { role: string; probe?: ProcessProbe; pid?: number } = { role: 'a Pilot Desk process' },
): DataDirLock {
  const probe = options.probe ?? systemProbe;
  const pid = options.pid ?? process.pid;
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, LOCK_FILE);
  const holder: LockHolder = {
    pid,
    since: new Date().toISOString(),
    hostname: hostname(),
    role: options.role,
    command: commandLine(),
    processStart: probe.startTime(pid),
    dataDir: dir,
    token: randomBytes(8).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lockPath, holder)) return held(lockPath, holder);
    const current = readHolder(lockPath);
    if (current && isLive(current, dir, probe)) throw new DataDirLockedError(dir, current);
    recoverStale(lockPath, dir, probe);
  }
  // Only reachable when other processes keep taking and dropping the lock between our attempts.
  const current = readHolder(lockPath);
  if (current) throw new DataDirLockedError(dir, current);
  throw new Error(`Could not take the lock ${lockPath}; check that the folder is writable and try again.`);
}

/** The holder recorded in a folder's lock file, or null when there is none (or it is unreadable). */
export function readHolder(lockPath: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
    return typeof parsed.pid === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

function tryCreate(lockPath: string, holder: LockHolder): boolean {
  // Written whole under a private name, then linked into place: link() fails when the lock exists, so taking it is
  // atomic and nobody ever reads a half-written lock.
  const temp = `${lockPath}.${holder.pid}.${holder.token}.tmp`;
  writeFileSync(temp, `${JSON.stringify(holder, null, 2)}\n`, { flag: 'wx' });
  try {
    linkSync(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function isLive(holder: LockHolder, dir: string, probe: ProcessProbe): boolean {
  // A lock copied along with the folder (cp -r, a restored backup) says nothing about this folder.
  if (holder.dataDir !== dir) return false;
  // Another machine's pid cannot be checked from here; only its owner can say it is gone.
  if (holder.hostname !== hostname()) return true;
  if (!probe.alive(holder.pid)) return false;
  // The pid exists; it is the holder only if it started when the holder did (pids are reused after reboots).
  const start = probe.startTime(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

function recoverStale(lockPath: string, dir: string, probe: ProcessProbe): void {
  // One recoverer at a time: otherwise a slow one could delete the fresh lock a faster one just took.
  const guard = `${lockPath}.recover`;
  try {
    writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (Date.now() - mtimeMs(guard) > GUARD_STALE_MS) unlinkQuietly(guard);
    return;
  }
  try {
    const current = readHolder(lockPath);
    if (current === null || !isLive(current, dir, probe)) unlinkQuietly(lockPath);
  } finally {
    unlinkQuietly(guard);
  }
}

function held(lockPath: string, holder: LockHolder): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readHolder(lockPath)?.token === holder.token) unlinkQuietly(lockPath);
  };
  // process.exit() after a failed start skips close(); the lock must not outlive the process anyway.
  process.on('exit', release);
  return { path: lockPath, holder, release };
}

function commandLine(): string {
  const cwd = process.cwd();
  return [path.basename(process.argv0), ...process.execArgv, ...process.argv.slice(1)]
    .map((a) => (a.startsWith(`${cwd}${path.sep}`) ? path.relative(cwd, a) : a))
    .join(' ');
}

function mtimeMs(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
