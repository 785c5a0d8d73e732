// `npm test`: the type check and every test file (not the browser tests), side by side. Each test file is first
// bundled into plain JavaScript by esbuild, so its process starts without compiling TypeScript through tsx.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { keepImportMetaUrl, REPO } from './helpers/bundle.ts';

// Started first, so the longest files do not begin last and hold the run up alone at its end.
const LONGEST_FIRST = [
  'test/staff-security.test.ts',
  'src/ingest/import/cli.test.ts',
  'test/live.test.ts',
  'src/sla/business-hours.test.ts',
  'test/startup.test.ts',
  'test/cli.test.ts',
];

/** Test files run at once: one a core (at least two, as before); RAPPORT_TEST_CONCURRENCY to try another. */
const CONCURRENCY = Number(process.env.RAPPORT_TEST_CONCURRENCY) || Math.max(availableParallelism(), 2);

interface Exit {
  code: number;
  output: string;
}

function run(args: string[], options: { quiet?: boolean } = {}): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO,
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Every test file but the browser tests, or those named on the command line (`npm test -- test/cli.test.ts`). */
function testFiles(): string[] {
  const named = process.argv.slice(2);
  if (named.length > 0) return named;
  const found = ['src', 'test']
    .flatMap((dir) =>
      readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file}`),
    )
    .filter((file) => file.endsWith('.test.ts') && !file.startsWith('test/browser/'))
    .sort();
  const first = LONGEST_FIRST.filter((file) => found.includes(file));
  return [...first, ...found.filter((file) => !first.includes(file))];
}

/** The type check runs beside the tests; its output is shown after theirs, so neither is cut into the other. */
const typecheck = run([join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], {
  quiet: true,
});

const files = testFiles();
const outdir = mkdtempSync(join(tmpdir(), 'rapport-tests-'));
// The bundles import packages by name: they resolve through this link, as from the source tree.
symlinkSync(join(REPO, 'node_modules'), join(outdir, 'node_modules'), 'dir');
let tests: Exit;
try {
  await build({
    entryPoints: files.map((file) => join(REPO, file)),
    outbase: REPO,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
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
    ...files.map((file) => join(outdir, file.replace(/\.ts$/, '.mjs'))),
  ]);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
const types = await typecheck;
if (types.output) process.stdout.write(types.output);
if (types.code !== 0) process.stderr.write(`\nnpm test: the type check failed (tsc exit ${types.code})\n`);
if (tests.code !== 0) process.stderr.write(`\nnpm test: tests failed (exit ${tests.code})\n`);
process.exitCode = types.code || tests.code;
