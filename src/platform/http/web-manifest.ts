/**
 * The web build's manifest (web/dist/.vite/manifest.json): which JS files a page needs — the entry's static
 * closure plus, for each lazily imported module of the page, that module's static closure. Used by the server to
 * preload the first page's chunks and by scripts/bundle-size.ts to weigh them.
 */
import fs from 'node:fs';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** Pages a newcomer can land on first: the sign-in form, and the home page right after signing in. */
export const FIRST_PAGES = {
  signIn: ['src/pages/LoginPage.tsx'],
  home: ['src/components/AppLayout.tsx', 'src/pages/HomePage.tsx'],
} as const satisfies Record<string, string[]>;

export function readManifest(distDir: string): Manifest {
  const file = path.join(distDir, '.vite/manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The JS files of the chunks `roots` and everything they import statically, in load order. */
export function closureFiles(manifest: Manifest, roots: readonly string[]): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build has no chunk for ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of roots) visit(key);
  return [...files].filter((f) => f.endsWith('.js'));
}

/** The JS files loaded for a page: the entry's static closure plus each lazily imported module's closure. */
export const pageFiles = (manifest: Manifest, lazyModules: readonly string[]) =>
  closureFiles(manifest, ['index.html', ...lazyModules]);
