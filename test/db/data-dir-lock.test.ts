import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DataDirLockedError,
  LOCK_FILE,
  type LockHolder,
  lockDataDir,
  type ProcessProbe,
  readHolder,
  systemProbe,
} from '../../src/db/data-dir-lock.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A lock file as another process would have left it. */
function leaveLock(over: Partial<LockHolder>): void {
  const holder: LockHolder = {
    pid: 4_000_000,
    since: '2026-03-02T01:00:00.000Z',
    hostname: hostname(),
    role: 'the bot',
    command: 'node --import tsx src/main.ts',
    processStart: 1234,
    dataDir: dir,
    token: 'someone-else',
    ...over,
  };
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(holder));
}

/** Processes as the test says they are: which pids exist, and when each started. */
function probe(processes: Record<number, number | null>): ProcessProbe {
  return { alive: (pid) => pid in processes, startTime: (pid) => processes[pid] ?? null };
}

describe('the data folder lock', () => {
  it('is taken with the holder written down, refuses a second taker by name, and is gone after release', () => {
    const lock = lockDataDir(dir, { role: 'the bot' });
    const written = readHolder(path.join(dir, LOCK_FILE));
    expect(written).toMatchObject({ pid: process.pid, role: 'the bot', hostname: hostname(), dataDir: dir });
    expect(written?.processStart).toBe(systemProbe.startTime(process.pid));

    let refusal: unknown;
    try {
      lockDataDir(dir, { role: 'npm run tick' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    const message = (refusal as Error).message;
    expect(message).toContain(`pid ${process.pid}`);
    expect(message).toContain('the bot');
    expect(message).toContain(written!.since);
    expect(message).toContain('DATABASE_URL');
    expect(message.split('\n')).toHaveLength(1);

    lock.release();
    lock.release();
    expect(readHolder(path.join(dir, LOCK_FILE))).toBeNull();
    lockDataDir(dir, { role: 'npm run tick' }).release();
  });

  it('recovers the lock of a process that is gone', () => {
    leaveLock({ pid: 4_000_000 });
    const lock = lockDataDir(dir, { role: 'the bot', probe: probe({ [process.pid]: 99 }) });
    expect(readHolder(lock.path)).toMatchObject({ pid: process.pid, token: lock.holder.token });
    lock.release();
  });

  it('recovers the lock when its pid now belongs to a process that started later (pid reused)', () => {
    leaveLock({ pid: 4_000_001, processStart: 1234 });
    const lock = lockDataDir(dir, { role: 'the bot', probe: probe({ 4000001: 98_765, [process.pid]: 99 }) });
    expect(readHolder(lock.path)?.pid).toBe(process.pid);
    lock.release();
  });

  it('keeps the lock of a live holder whose start time matches', () => {
    leaveLock({ pid: 4_000_002, processStart: 1234 });
    expect(() => lockDataDir(dir, { role: 'the bot', probe: probe({ 4000002: 1234 }) })).toThrow(DataDirLockedError);
    expect(readHolder(path.join(dir, LOCK_FILE))?.token).toBe('someone-else');
  });

  it('recovers a lock copied in from another folder, and an unreadable one', () => {
    leaveLock({ pid: 4_000_003, processStart: 1234, dataDir: '/somewhere/else' });
    lockDataDir(dir, { role: 'the bot', probe: probe({ 4000003: 1234 }) }).release();
    writeFileSync(path.join(dir, LOCK_FILE), '');
    lockDataDir(dir, { role: 'the bot' }).release();
  });

  it('a real dead process: a child that exited leaves a lock the next opener takes over', () => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(child.stdout);
    leaveLock({ pid: deadPid, processStart: 1 });
    const lock = lockDataDir(dir, { role: 'the bot' });
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not remove a lock another process took after this one was released', () => {
    const lock = lockDataDir(dir, { role: 'the bot' });
    rmSync(lock.path);
    leaveLock({ pid: 4_000_004, token: 'newcomer' });
    lock.release();
    expect(readHolder(path.join(dir, LOCK_FILE))?.token).toBe('newcomer');
  });
});
