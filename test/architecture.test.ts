// The house rules of ARCHITECTURE.md, checked: the dependency map of .dependency-cruiser.cjs (layers, front
// doors, no cycles) and SQL only in stores. A failure lists every offender, grouped by the folder it is in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `src/cases/x.ts` → `cases`; a file directly in src/ → `src`. */
function folderOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 2 && parts[0] === 'src' ? (parts[1] as string) : parts[0] === 'src' ? 'src' : path;
}

/** One line per offence, under a heading per folder, so each owner sees their share at once. */
function groupedByFolder(lines: Array<{ file: string; line: string }>): string {
  const byFolder = new Map<string, string[]>();
  for (const { file, line } of lines) {
    const folder = folderOf(file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), line]);
  }
  return [...byFolder.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([folder, found]) => `src/${folder}/ (${found.length}):\n  ${found.join('\n  ')}`)
    .join('\n');
}

test('every import follows the map of layers and front doors in .dependency-cruiser.cjs, with no cycle', async () => {
  const previous = process.cwd();
  process.chdir(ROOT);
  let result: IReporterOutput;
  try {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
    const tsConfig = extractTSConfig('tsconfig.json');
    result = await cruise(['src'], { ...options, validate: true }, undefined, { tsConfig });
  } finally {
    process.chdir(previous);
  }
  const output = result.output;
  assert.ok(typeof output === 'object', 'dependency-cruiser answers with a result object');
  const violations = output.summary.violations.map((violation) => ({
    file: violation.from,
    line: `${violation.rule.name}: ${violation.from} → ${violation.to}${
      violation.cycle?.length ? ` (cycle: ${violation.cycle.map((step) => step.name).join(' → ')})` : ''
    }`,
  }));
  assert.equal(
    violations.length,
    0,
    `${violations.length} import(s) break the map (see ARCHITECTURE.md):\n${groupedByFolder(violations)}`,
  );
});

// Upper-case SQL as our stores write it, and the prepared-statement call of the driver.
const SQL_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['SELECT … FROM', /\bSELECT\b[\s\S]{0,400}?\bFROM\b/],
  ['INSERT INTO', /\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b/],
  ['UPDATE … SET', /\bUPDATE\s+\w+\s+SET\b/],
  ['DELETE FROM', /\bDELETE\s+FROM\b/],
  ['CREATE TABLE', /\bCREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TABLE\b/],
  ['.prepare(', /\.prepare\(/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

test('SQL is written only in stores: no file outside src/store and *store.ts files holds a statement', () => {
  const offenders: Array<{ file: string; line: string }> = [];
  for (const path of sourceFiles(join(ROOT, 'src'))) {
    const file = relative(ROOT, path).split('\\').join('/');
    if (file.startsWith('src/store/') || file.endsWith('store.ts') || file.endsWith('.test.ts')) continue;
    const text = readFileSync(path, 'utf8');
    const found = SQL_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
    if (found.length) offenders.push({ file, line: `${file}: ${found.join(', ')}` });
  }
  assert.equal(
    offenders.length,
    0,
    `${offenders.length} file(s) outside a store hold SQL; move each statement into its capability's *store.ts:\n${groupedByFolder(offenders)}`,
  );
});
