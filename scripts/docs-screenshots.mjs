// `npm run docs:screenshots`: runs the sandbox's browser tests (Debian's Chromium through playwright-core, never a
// browser download) and copies three of the screenshots they take into docs/images/, where the README shows them.
// The pictures are therefore the ones the tests checked, not staged separately.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.join(root, 'test-results/sandbox');
const DOCS = path.join(root, 'docs/images');
/** The test's screenshot → the README's picture. */
const PICKED = {
  '02-card-posted.png': 'sandbox-channel.png',
  '10-menus-and-pickers.png': 'sandbox-modal.png',
  '07-app-home.png': 'sandbox-app-home.png',
};

if (!existsSync(CHROMIUM)) {
  console.error(
    `docs:screenshots needs Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei`,
  );
  process.exit(2);
}
const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', 'test/sandbox/browser.test.ts'], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  console.error('docs:screenshots: the browser tests failed, so the README keeps its pictures');
  process.exit(run.status ?? 1);
}
mkdirSync(DOCS, { recursive: true });
for (const [shot, picture] of Object.entries(PICKED)) {
  const from = path.join(SHOTS, shot);
  // A screenshot older than this run would be a stale picture (a test that no longer takes it).
  if (!existsSync(from) || statSync(from).mtimeMs < started) {
    console.error(`docs:screenshots: the browser tests did not take ${shot} in this run`);
    process.exit(1);
  }
  copyFileSync(from, path.join(DOCS, picture));
  console.log(`wrote docs/images/${picture}`);
}
