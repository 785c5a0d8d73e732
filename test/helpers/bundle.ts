// Builds a process entry (src/cli/main.ts, src/main.ts) into one JavaScript file, so a test that needs a real
// process starts plain `node` on it instead of compiling TypeScript again in every child through tsx.
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Each module keeps its own `import.meta.url`, so what it finds beside itself (migrations, the checkpoint worker,
 * web/dist) is found where it is in the source tree, not beside the bundle.
 */
export const keepImportMetaUrl: Plugin = {
  name: 'keep-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return {
        // A pattern, not the words themselves: this file is bundled too (test/run.ts), and they would be replaced here.
        contents: source.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

export interface Bundle {
  /** The built entry, to run as `node <file> …`. */
  file: string;
  /** Removes the bundle's folder. */
  remove(): void;
}

/** Bundles `entry` (relative to the repository) with its packages left as imports of the repository's node_modules. */
export async function bundleEntry(entry: string): Promise<Bundle> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bundle-'));
  // The bundle imports packages by name: they resolve through this link, as they would from the source tree.
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const file = join(dir, entry.replace(/^.*\//, '').replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(REPO, entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [keepImportMetaUrl],
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
