// `npm run eval`: the listening capability measured on the labelled sets of ../shared/data (or
// $RAPPORT_SHARED_DATA): one JSON line per figure set on stdout, the split rules and a readable table on stderr.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { sharedDataDir } from './data.ts';
import { runTask, TASKS, type Figures } from './tasks.ts';

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

function main(): void {
  const dir = sharedDataDir();
  if (!existsSync(dir)) {
    say(`npm run eval: no data folder at ${dir} (set RAPPORT_SHARED_DATA to one); nothing to measure.`);
    return;
  }
  say(`Listening evaluation on ${availableParallelism()} cores, Node ${process.version}; data from ${dir}`);
  const table: Figures[] = [];
  for (const task of TASKS) {
    const report = runTask(task, dir);
    if (!report) {
      say(`${task.name}: ${task.file} is not in ${dir}; skipped.`);
      continue;
    }
    say(
      `${task.name}: ${task.file}, ${report.split.rule}: train ${report.split.train.length}, test ${report.split.test.length}`,
    );
    for (const note of report.notes) say(`  ${note}`);
    for (const figures of report.rows) process.stdout.write(`${JSON.stringify(figures)}\n`);
    table.push(...report.rows);
  }
  say('');
  say(formatTable(table));
}

function formatTable(rows: readonly Figures[]): string {
  const header = ['eval', 'model', 'accuracy', 'macro-F1', 'texts/s'];
  const cells = rows.map((figures) => [
    figures.eval,
    figures.model,
    figures.accuracy === null ? 'n/a' : figures.accuracy.toFixed(3),
    figures.macroF1 === null ? 'n/a' : figures.macroF1.toFixed(3),
    figures.textsPerSecond === null ? 'n/a' : Math.round(figures.textsPerSecond).toLocaleString('en-US'),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const format = (line: string[]) => `| ${line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const notes = rows
    .filter((figures) => figures.note)
    .map((figures) => `${figures.eval} ${figures.model}: ${figures.note}`);
  return [
    format(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...cells.map(format),
    ...notes,
  ].join('\n');
}

main();
