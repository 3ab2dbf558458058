#!/usr/bin/env node
// Issue 10 / decision 020: the flat src/views/*.ts into one folder per area (src/views/<area>/), and their tests
// beside them. Plain Node, no dependencies, safe to re-run on a tree with other changes (the lead re-runs it after
// merging branches that still import the old paths; files already moved, and new files, are left where they are):
//   1. each move is done with `git mv` unless it is done already (the old file gone, the new one there);
//   2. every relative path in a string literal of the code below (imports, dynamic imports, vi.mock, new URL) is
//      resolved from its file; when it names a moved file, or the file itself moved and the path no longer
//      resolves from its new home, it is rewritten to the file's new place. Paths are compared after resolving,
//      never as text, so './blocks.ts' in src/views/ and '../../src/views/blocks.ts' in test/ both land right;
//   3. root-relative mentions of a moved file (configs, the README and docs/*.md) follow;
//   4. Biome then sorts the rewritten imports and reflows long lines (only in the files this run changed).
// Usage: node scripts/refactor/move-views.mjs [--dry-run]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dryRun = process.argv.includes('--dry-run');

/** Old path → new path, both relative to the repository root. */
const MOVES = {
  // What every view builds with: Block Kit helpers and limits, mrkdwn escaping, the "working on it" modal.
  'src/views/blocks.ts': 'src/views/shared/blocks.ts',
  'src/views/mrkdwn.ts': 'src/views/shared/mrkdwn.ts',
  'src/views/working-modal.ts': 'src/views/shared/working-modal.ts',
  // Projects: the card, its forms and drill-ins, the lists, intake, and the machines' notify messages.
  'src/views/project-card.ts': 'src/views/projects/project-card.ts',
  'src/views/project-list.ts': 'src/views/projects/project-list.ts',
  'src/views/drill-modals.ts': 'src/views/projects/drill-modals.ts',
  'src/views/action-modal.ts': 'src/views/projects/action-modal.ts',
  'src/views/intake-modal.ts': 'src/views/projects/intake-modal.ts',
  'src/views/intake-forms.ts': 'src/views/projects/intake-forms.ts',
  'src/views/notify-messages.ts': 'src/views/projects/notify-messages.ts',
  // Review: invitations and reports, the review form, the card's review panel, the expert pool.
  'src/views/review-messages.ts': 'src/views/review/review-messages.ts',
  'src/views/review-form.ts': 'src/views/review/review-form.ts',
  'src/views/review-panel.ts': 'src/views/review/review-panel.ts',
  'src/views/experts-modal.ts': 'src/views/review/experts-modal.ts',
  // Deadlines: extend / reassign / calendar modals (their messages are in views/deadlines/ already).
  'src/views/deadline-modals.ts': 'src/views/deadlines/deadline-modals.ts',
  // Home: the App Home tab, and the help and menu messages people start from.
  'src/views/app-home.ts': 'src/views/home/app-home.ts',
  'src/views/help-message.ts': 'src/views/home/help-message.ts',
  // Settings: roles, working group, batches, relays.
  'src/views/settings-messages.ts': 'src/views/settings/settings-messages.ts',
  // Tests mirror the source tree (test/views/limits.test.ts spans every area and stays).
  'test/views/notify-messages.test.ts': 'test/views/projects/notify-messages.test.ts',
};
const MOVED_TO = new Map(Object.entries(MOVES).map(([from, to]) => [to, from]));

const CODE_DIRS = ['src', 'test', 'scripts', 'bench'];
const CODE_EXT = /\.(?:[cm]?[jt]s|tsx)$/;
const SKIP_DIRS = new Set(['node_modules', 'generated', 'fixtures', 'results', 'dist', '.git']);
// This script names the old paths on purpose: it never rewrites itself (scripts/refactor/ is skipped).
// Files that name paths from the repository root rather than from themselves.
const ROOT_FILES = ['stryker.config.json', 'package.json', 'biome.json', 'tsconfig.json', '.dependency-cruiser.cjs'];

const abs = (rel) => path.join(root, rel);
const rel = (file) => path.relative(root, file).split(path.sep).join('/');
const onDisk = (relPath) => existsSync(abs(relPath)) && statSync(abs(relPath)).isFile();
/** Whether a file is there once the moves are done (a dry run does not move, so it pretends). */
function exists(relPath) {
  if (!dryRun) return onDisk(relPath);
  if (MOVES[relPath] !== undefined && onDisk(relPath)) return false;
  if (MOVED_TO.has(relPath) && onDisk(MOVED_TO.get(relPath))) return true;
  return onDisk(relPath);
}
/** Where a file's text is read from: its own place, or in a dry run its place before the move. */
const physical = (relPath) => (dryRun && !onDisk(relPath) && MOVED_TO.has(relPath) ? MOVED_TO.get(relPath) : relPath);

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
function tracked(relPath) {
  try {
    git('ls-files', '--error-unmatch', relPath);
    return true;
  } catch {
    return false;
  }
}

/** Step 1: the moves, each skipped when already done; returns the files moved (their paths were rewritten). */
function move() {
  const moved = [];
  for (const [from, to] of Object.entries(MOVES)) {
    const hasFrom = onDisk(from);
    const hasTo = onDisk(to);
    if (!hasFrom && hasTo) continue;
    if (hasFrom && hasTo) throw new Error(`${from} and ${to} both exist: merge them by hand, then re-run`);
    if (!hasFrom) {
      console.warn(`skip: neither ${from} nor ${to} exists`);
      continue;
    }
    console.log(`move ${from} → ${to}`);
    if (dryRun) continue;
    // The file's own paths are made relative to its new place before it moves: seen from there, an old path can name
    // another file (src/views/review-panel.ts's '../review/review-panel.ts' would be itself once in views/review/).
    writeFileSync(abs(from), reanchor(readFileSync(abs(from), 'utf8'), from, to));
    mkdirSync(path.dirname(abs(to)), { recursive: true });
    if (tracked(from)) git('mv', from, to);
    else renameSync(abs(from), abs(to));
    moved.push(to);
  }
  return moved;
}

/** A moved file's relative paths, written from its old place, rewritten from its new one (targets that move follow). */
function reanchor(text, from, to) {
  if (!CODE_EXT.test(from)) return text;
  return text.replace(RELATIVE_LITERAL, (whole, quote, spec) => {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
    if (!onDisk(target) && MOVES[target] === undefined) return whole;
    return `${quote}${shortest(path.posix.dirname(to), MOVES[target] ?? target, '') ?? spec}${quote}`;
  });
}

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(dir, entry.name), out);
    } else if (CODE_EXT.test(entry.name)) out.push(path.join(dir, entry.name));
  }
  return out;
}

/** Where a path (already resolved from the root) lives now: itself, its moved place, or null when it is nowhere. */
function current(target) {
  if (MOVES[target] !== undefined) return MOVES[target];
  return exists(target) ? target : null;
}

/** The specifier to write in `file` for a relative specifier, or null to leave it as it is. */
function rewriteSpecifier(file, spec) {
  const here = path.posix.dirname(file);
  const fromHere = path.posix.normalize(path.posix.join(here, spec));
  const oldFile = MOVED_TO.get(file);
  // A path that still resolves is kept, except in a moved file, where '../support/db.ts' seen from test/support/
  // becomes './db.ts'.
  if (exists(fromHere)) return oldFile === undefined ? null : shortest(here, fromHere, spec);
  // A moved file whose text still says where its neighbours were seen from its old place (written before the
  // move, or merged in from a branch that edited it there).
  const candidates = [fromHere];
  if (oldFile !== undefined) candidates.push(path.posix.normalize(path.posix.join(path.posix.dirname(oldFile), spec)));
  for (const candidate of candidates) {
    const target = current(candidate);
    if (target !== null) return shortest(here, target, spec);
  }
  return null;
}

/** The plain relative path from a folder to a file, or null when `spec` already is it. */
function shortest(here, target, spec) {
  let next = path.posix.relative(here, target);
  if (!next.startsWith('.')) next = `./${next}`;
  return next === spec ? null : next;
}

// A quoted relative path in code: './x.ts', "../../machines/y.ts" (no template interpolation).
const RELATIVE_LITERAL = /(['"])(\.\.?\/[^'"\n$`]*)\1/g;
// A root-relative path mentioned anywhere (configs, globs such as "!machines/labels.ts", docs, comments).
const ROOT_PATH = /(?<![\w./-])((?:[\w.-]+\/)+[\w.-]+\.[cm]?[jt]s)(?![\w/-])/g;

function rewriteRootPaths(text) {
  return text.replace(ROOT_PATH, (whole, p) => MOVES[p] ?? whole);
}

/** Steps 2 and 3: the rewrites; returns the files changed. */
function rewrite() {
  const changed = [];
  const update = (file, next) => {
    const before = readFileSync(abs(physical(file)), 'utf8');
    const after = next(before);
    if (after === before) return;
    console.log(`rewrite ${file}`);
    changed.push(file);
    if (!dryRun) writeFileSync(abs(file), after);
  };
  const codeFiles = CODE_DIRS.flatMap((d) => walk(abs(d), []))
    .concat(readdirSync(root).filter((f) => /^vitest.*\.config\.[cm]?[jt]s$|^stryker\.config\.[cm]?js$/.test(f)))
    .map((f) => (path.isAbsolute(f) ? rel(f) : f))
    .filter((f) => !f.startsWith('scripts/refactor/'))
    .map((f) => (dryRun ? (MOVES[f] ?? f) : f));
  for (const file of codeFiles) {
    update(file, (text) =>
      rewriteRootPaths(
        text.replace(RELATIVE_LITERAL, (whole, quote, spec) => {
          const next = rewriteSpecifier(file, spec);
          return next === null ? whole : `${quote}${next}${quote}`;
        }),
      ),
    );
  }
  const docs = ['README.md', 'bench/README.md', ...readdirSync(abs('docs')).map((f) => `docs/${f}`)].filter(
    (f) => f.endsWith('.md') && exists(f),
  );
  for (const file of [...ROOT_FILES.filter(exists), ...docs]) update(file, rewriteRootPaths);
  return changed;
}

/** Step 4: Biome sorts the imports and reflows what the longer paths pushed past the line width. */
function format(changed) {
  const biome = abs('node_modules/.bin/biome');
  const files = changed.filter((f) => CODE_EXT.test(f) || f.endsWith('.json'));
  if (dryRun || files.length === 0) return;
  if (!existsSync(biome)) {
    console.warn('Biome not installed: run `npx biome check --write` on the rewritten files');
    return;
  }
  try {
    execFileSync(biome, ['check', '--write', '--no-errors-on-unmatched', ...files], { cwd: root, stdio: 'inherit' });
  } catch {
    console.warn('Biome reported problems it could not fix (see above); the moves and rewrites are done');
  }
}

const moved = move();
const changed = rewrite();
format([...new Set([...moved, ...changed])]);
console.log(`${changed.length} file(s) rewritten${dryRun ? ' (dry run: nothing written)' : ''}`);
