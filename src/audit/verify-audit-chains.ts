import type { Clock } from '../clock.ts';
import type { PrismaClient } from './repository.ts';
import {
  type ChainHeads,
  type ChainRow,
  chainRowAt,
  chainRowsAfter,
  latestHeads,
  recordVerification,
  refsOfChains,
} from './repository.ts';

/** What is wrong with one chain, at the first row where it goes wrong. */
export type ChainBreak = {
  chain: string;
  /** The project's reference for a project's chain, else the chain's name ("programme"). */
  label: string;
  /** The audit row id where the break shows, when there is such a row (a cut-off end has none). */
  rowId: string | null;
  seq: number;
  kind: 'edited' | 'deleted' | 'relinked' | 'truncated';
  detail: string;
};

/** The outcome of one verification run. */
export type Verification = { ok: boolean; rowsChecked: number; chains: number; breaks: ChainBreak[] };

const PAGE = 5_000;

/**
 * Checks every audit chain (issue 14): each row still hashes to what was recorded, each row points at the hash of the
 * row before it, positions run 1, 2, 3… with no gap, and every chain still reaches at least as far as the last run saw.
 * Records the run (for the admins' digest) and returns the first break of each broken chain.
 */
export async function verifyAuditChains(prisma: PrismaClient, clock: Clock): Promise<Verification> {
  const raw: Omit<ChainBreak, 'label'>[] = [];
  const heads: ChainHeads = {};
  const broken = new Set<string>();
  let rowsChecked = 0;
  let last: ChainRow | null = null;
  for (let after = { chain: '', seq: 0 }; ; ) {
    const page = await chainRowsAfter(prisma, after, PAGE);
    for (const row of page) {
      rowsChecked += 1;
      const previous = last?.chain === row.chain ? last : null;
      if (!broken.has(row.chain)) {
        const problem = checkRow(row, previous);
        if (problem) {
          broken.add(row.chain);
          raw.push(problem);
        }
      }
      heads[row.chain] = { seq: row.seq, hash: row.rowHash };
      last = row;
    }
    if (page.length < PAGE) break;
    const end = page[page.length - 1]!;
    after = { chain: end.chain, seq: end.seq };
  }
  const previous = (await latestHeads(prisma)) ?? {};
  for (const [chain, head] of Object.entries(previous)) {
    if (broken.has(chain)) continue;
    const now = heads[chain];
    if (now && now.seq >= head.seq) {
      const same =
        now.seq === head.seq
          ? now.hash === head.hash
          : (await chainRowAt(prisma, chain, head.seq))?.rowHash === head.hash;
      if (same) continue;
    }
    broken.add(chain);
    raw.push({
      chain,
      rowId: null,
      seq: head.seq,
      kind: 'truncated',
      detail: now
        ? `the last verification saw position ${head.seq} (hash ${short(head.hash)}); the chain now ends at ${now.seq} or differs there: rows were deleted from its end or replaced`
        : `the last verification saw ${head.seq} rows; none are left: the chain was deleted`,
    });
  }
  const refs = await refsOfChains(
    prisma,
    raw.map((b) => b.chain),
  );
  const breaks = raw.map((b) => ({ ...b, label: refs.get(b.chain) ?? b.chain }));
  const result = { ok: breaks.length === 0, rowsChecked, chains: Object.keys(heads).length, breaks };
  await recordVerification(prisma, {
    ranAt: clock.now(),
    ok: result.ok,
    rowsChecked,
    chains: result.chains,
    problem: breaks.length === 0 ? null : breaks.map(describeBreak).join('\n'),
    // A broken chain's head is not kept as a reference: the next run compares against the last good one.
    heads: result.ok ? heads : { ...previous, ...unbroken(heads, broken) },
  });
  return result;
}

function unbroken(heads: ChainHeads, broken: Set<string>): ChainHeads {
  return Object.fromEntries(Object.entries(heads).filter(([chain]) => !broken.has(chain)));
}

// The first thing wrong with a row given the row before it in its chain (null for the chain's first row).
function checkRow(row: ChainRow, previous: ChainRow | null): Omit<ChainBreak, 'label'> | null {
  const at = { chain: row.chain, rowId: row.id, seq: row.seq };
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (row.seq !== expectedSeq) {
    const missing =
      row.seq - 1 === expectedSeq ? `position ${expectedSeq} is` : `positions ${expectedSeq}–${row.seq - 1} are`;
    return { ...at, kind: 'deleted', detail: `${missing} missing before row ${row.id} (${row.eventType}): deleted` };
  }
  if (row.recomputed !== row.rowHash) {
    return {
      ...at,
      kind: 'edited',
      detail: `row ${row.id} (${row.eventType}) now hashes to ${short(row.recomputed)} but was written as ${short(row.rowHash)}: changed after it was written`,
    };
  }
  if (row.prevHash !== (previous?.rowHash ?? null)) {
    return {
      ...at,
      kind: 'relinked',
      detail: `row ${row.id} (${row.eventType}) points at ${short(row.prevHash)} but the row before it hashes to ${short(previous?.rowHash ?? null)}: a row was inserted or replaced`,
    };
  }
  return null;
}

const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : 'nothing');

/** One line for the operator: which chain, which position, what is wrong. */
export function describeBreak(b: ChainBreak): string {
  return `${b.label} #${b.seq}: ${b.detail}`;
}
