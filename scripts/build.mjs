// `npm run build` (also run by postinstall and, when the output is older than the sources, by `npm start`): bundles
// src/main.ts and the embedded database's worker into dist/src/ with esbuild (tsx's own, a registry package), so a
// start loads one JavaScript file instead of transforming ~200 TypeScript files (decision 011). dist/src sits as deep
// as src/db, so the paths the code resolves from its own location (prisma/, node_modules) stay the same.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts', 'src/db/pglite-worker.ts'],
  entryNames: '[name]',
  outdir: 'dist/src',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      // Packages stay external, but their JSON is inlined: Node 20 refuses a bare JSON import whose `with` attribute
      // the bundle does not carry over (the working calendar's published holiday data).
      name: 'inline-package-json',
      setup(b) {
        const require = createRequire(path.join(root, 'package.json'));
        b.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({ path: require.resolve(args.path) }));
      },
    },
  ],
});
