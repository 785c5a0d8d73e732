// Reads a V8 .cpuprofile (from `node --cpu-prof --import tsx bench/main.ts …`) and prints where the CPU
// went: self time per function and per source file, heaviest first. Self time only: after an `await`
// V8 loses the caller, so "inclusive" time of async code would mislead.
// Usage: npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile [rows]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/zod/v4/core/schemas.js`, `src/store/sqlite.ts`, or V8's own `(garbage collector)`. */
function fileOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName;
  return url.replace(/^file:\/\//, '').replace(/^.*?\/(src|bench|node_modules)\//, '$1/');
}

function printTop(title: string, totals: Map<string, number>, totalMs: number, rows: number): void {
  console.log(`\n${title}`);
  for (const [label, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${label}`);
  }
}

const [file, rowsArg = '40'] = process.argv.slice(2);
if (!file) throw new Error('Usage: npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile [rows]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let totalMs = 0;
profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index] ?? 0) / 1000;
  const node = nodes.get(id)!;
  const file = fileOf(node);
  const fn = `${node.callFrame.functionName || '(anonymous)'}  ${file}`;
  totalMs += ms;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  byFile.set(file, (byFile.get(file) ?? 0) + ms);
});
console.log(`${totalMs.toFixed(0)} ms sampled`);
printTop('Self time by function', byFunction, totalMs, Number(rowsArg));
printTop('Self time by file', byFile, totalMs, Number(rowsArg));
