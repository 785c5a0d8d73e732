// `npm test`: the type check and every test file but the browser tests, side by side. Each test file is first
// bundled into plain JavaScript by esbuild (in a temp folder), so its process starts without compiling
// TypeScript through tsx. `npm test -- test/cli.test.ts` runs only the files named; `--test-*` flags pass on.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { keepImportMetaUrl, REPO } from './helpers/bundle.ts';

// Started first, so that none of the longest begins late and holds the run up alone at its end.
const LONGEST_FIRST = [
  'test/staff-security.test.ts',
  'src/ingest/import/cli.test.ts',
  'test/live.test.ts',
  'src/sla/business-hours.test.ts',
  'test/cli.test.ts',
  'test/startup.test.ts',
];

/**
 * Test files run at once: one more than the cores (at least three), as files often wait on the server's
 * once-a-second watcher, a mail poll or a child process. RAPPORT_TEST_CONCURRENCY sets another number.
 */
const CONCURRENCY = Number(process.env.RAPPORT_TEST_CONCURRENCY) || Math.max(availableParallelism() + 1, 3);

interface Exit {
  code: number;
  output: string;
}

function run(args: string[], options: { quiet?: boolean } = {}): Promise<Exit> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO,
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

/** Every test file but the browser tests, longest first; or the files named on the command line. */
function testFiles(named: string[]): string[] {
  if (named.length > 0) return named.map((file) => relative(REPO, resolve(file)));
  const found = ['src', 'test']
    .flatMap((dir) =>
      readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file}`),
    )
    .filter((file) => file.endsWith('.test.ts') && !file.startsWith('test/browser/'))
    .sort();
  const first = LONGEST_FIRST.filter((file) => found.includes(file));
  return [...first, ...found.filter((file) => !first.includes(file))];
}

const args = process.argv.slice(2);
const files = testFiles(args.filter((arg) => !arg.startsWith('-')));
const flags = args.filter((arg) => arg.startsWith('-'));

// The type check runs beside the tests; its output is shown after theirs, so neither is cut into the other.
const typecheck = run([join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], {
  quiet: true,
});

const outdir = mkdtempSync(join(tmpdir(), 'rapport-tests-'));
const removeBundles = () => rmSync(outdir, { recursive: true, force: true });
process.once('SIGINT', () => {
  removeBundles();
  process.exit(130);
});
// The bundles import packages by name: they resolve through this link, as from the source tree.
symlinkSync(join(REPO, 'node_modules'), join(outdir, 'node_modules'), 'dir');
let tests: Exit = { code: 1, output: '' };
try {
  await build({
    entryPoints: files.map((file) => join(REPO, file)),
    outbase: REPO,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // What several files import (the app, the helpers) is one shared chunk, built once.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages too: one file to read instead of hundreds, each through the CommonJS loader (half a second less
    // a process). Some stay packages, loaded from node_modules as usual: the native SQLite binding; esbuild
    // (test/helpers/bundle.ts runs it), which finds its binary beside itself; and the tools that load files by
    // their own path at run time (dependency-cruiser for the architecture test, openapi-typescript and the
    // TypeScript compiler for the contract test). A new test on such a tool adds it here.
    external: ['better-sqlite3', 'esbuild', 'dependency-cruiser', 'openapi-typescript', 'typescript'],
    banner: {
      js: "import { createRequire as rapportRequire } from 'node:module'; const require = rapportRequire(import.meta.url);",
    },
    // Failures point at the TypeScript source, not at the bundle.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    plugins: [keepImportMetaUrl],
  });
  tests = await run([
    '--enable-source-maps',
    '--test',
    `--test-concurrency=${CONCURRENCY}`,
    ...flags,
    ...files.map((file) => join(outdir, file.replace(/\.ts$/, '.mjs'))),
  ]);
} catch {
  // esbuild has printed what it could not build; the type check says more.
} finally {
  removeBundles();
}
const types = await typecheck;
if (types.output) process.stdout.write(types.output);
if (types.code !== 0) process.stderr.write(`\nnpm test: the type check failed (tsc exit ${types.code})\n`);
if (tests.code !== 0) process.stderr.write(`\nnpm test: the tests failed (exit ${tests.code})\n`);
process.exitCode = types.code || tests.code;
