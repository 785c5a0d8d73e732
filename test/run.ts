// `npm test`: the type check and every test file but the browser tests, side by side. The test files are first
// bundled into plain JavaScript by esbuild (in a temp folder), so no process compiles TypeScript through tsx.
// The short files share a few processes (a process costs half a second of CPU to start and load the app; 60 of
// them cost more than most tests do); the long ones have one each, started first. `npm test -- <files>` runs only
// the files named, one process each; `--test-*` flags pass on.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { keepImportMetaUrl, REPO } from './helpers/bundle.ts';

// Each in a process of its own, started first, so that none begins late and holds the run up alone at its end:
// they take several seconds of CPU, or wait long on a child process, a mail poll or the server's watcher.
const LONG = [
  'test/live.test.ts',
  'test/staff-security.test.ts',
  'src/ingest/import/cli.test.ts',
  'test/cli.test.ts',
  'test/startup.test.ts',
  'test/ingest-crash.test.ts',
  'src/channels/email/imap-poller.test.ts',
];

/**
 * Processes at once: one more than the cores (at least three), as files often wait on the server's
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

/** Every test file but the browser tests; or the files named on the command line. */
function testFiles(named: string[]): string[] {
  if (named.length > 0) return named.map((file) => relative(REPO, resolve(file)));
  return ['src', 'test']
    .flatMap((dir) =>
      readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' }).map((file) => `${dir}/${file}`),
    )
    .filter((file) => file.endsWith('.test.ts') && !file.startsWith('test/browser/'))
    .sort();
}

/** What one test process runs: a test file, or a group of short ones. */
interface Entry {
  /** The bundle's name in the temp folder, without `.mjs`. */
  name: string;
  files: string[];
}

/**
 * The long files alone, then the rest dealt into one group a process. Files named on the command line run alone,
 * as they always did.
 */
function entries(files: string[], named: boolean): Entry[] {
  const alone = named ? files : LONG.filter((file) => files.includes(file));
  const short = files.filter((file) => !alone.includes(file));
  const groups: Entry[] = Array.from({ length: Math.min(CONCURRENCY, short.length) }, (_, index) => ({
    name: `group-${index + 1}`,
    files: [],
  }));
  for (const [index, file] of short.entries()) groups[index % groups.length]!.files.push(file);
  return [...alone.map((file) => ({ name: file.replace(/\.ts$/, ''), files: [file] })), ...groups];
}

const GROUP_PREFIX = 'rapport-test-group:';

/**
 * A group's entry: each file imported inside a suite named after it, so its root-level hooks (a server started
 * `before` its tests, closed `after`) stay its own and run around its tests alone, and a failure names its file.
 */
function groupEntries(groups: Entry[]): Plugin {
  return {
    name: 'test-groups',
    setup(builder) {
      builder.onResolve({ filter: new RegExp(`^${GROUP_PREFIX}`) }, (args) => ({
        path: args.path.slice(GROUP_PREFIX.length),
        namespace: 'test-group',
      }));
      builder.onLoad({ filter: /.*/, namespace: 'test-group' }, (args) => {
        const group = groups.find((entry) => entry.name === args.path)!;
        const suites = group.files.map(
          (file) => `describe(${JSON.stringify(file)}, async () => { await import(${JSON.stringify(`./${file}`)}); });`,
        );
        return { contents: [`import { describe } from 'node:test';`, ...suites].join('\n'), resolveDir: REPO };
      });
    },
  };
}

const args = process.argv.slice(2);
const named = args.filter((arg) => !arg.startsWith('-'));
const files = testFiles(named);
const flags = args.filter((arg) => arg.startsWith('-'));
const processes = entries(files, named.length > 0);

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
    entryPoints: processes.map((entry) =>
      entry.name.startsWith('group-')
        ? { in: `${GROUP_PREFIX}${entry.name}`, out: entry.name }
        : { in: join(REPO, entry.files[0]!), out: entry.name },
    ),
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
    plugins: [keepImportMetaUrl, groupEntries(processes.filter((entry) => entry.name.startsWith('group-')))],
  });
  tests = await run([
    '--enable-source-maps',
    '--test',
    `--test-concurrency=${CONCURRENCY}`,
    ...flags,
    ...processes.map((entry) => join(outdir, `${entry.name}.mjs`)),
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
