import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Two levels up is the project's root both from src/sandbox/ (tsx) and from dist/src/ (the bundle npm start runs).
const WEB = new URL('../../src/sandbox/web/', import.meta.url);

/**
 * The page's HTML, script and styles. The script is plain TypeScript bundled in memory by esbuild when the sandbox
 * starts (decision 013): nothing is fetched from a CDN and no build step has to have run before `npm start`.
 */
export async function pageAssets(): Promise<{ html: string; js: string; css: string }> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('main.ts', WEB))],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return {
    html: readFileSync(new URL('index.html', WEB), 'utf8'),
    js: result.outputFiles[0]!.text,
    css: readFileSync(new URL('style.css', WEB), 'utf8'),
  };
}
