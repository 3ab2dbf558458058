// `npm start`: runs the bundled bot (dist/src/main.js), rebuilding it first when any source is newer than the bundle,
// so a checkout edited since `npm install` never runs stale code (decision 011).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = path.join(root, 'dist/src/main.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
if (built < Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'machines')))) {
  await import('./build.mjs');
}
await import(pathToFileURL(bundle).href);
