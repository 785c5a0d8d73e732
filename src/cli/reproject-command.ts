// `rapport reproject --into FILE`: rebuilds the customer view from the event log into a new database file, with a
// progress line, and says how to put it in place. The running database and the log are only read.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { configFrom } from './config.ts';
import type { Cli } from './io.ts';
import { reproject } from '../app/reproject.ts';

export function registerReprojectCommand(program: Command, cli: Cli): void {
  program
    .command('reproject')
    .description('Rebuild the customer view from the event log into a new database file (the current one is only read)')
    .requiredOption('--into <file>', 'the new database file (must not exist)')
    .option(
      '--discard-staff-work',
      'rebuild even though staff work on customers and cases (replies, gestures…) is lost',
    )
    .addHelpText(
      'after',
      '\nThe copy keeps staff, teams, settings and keys; customers, timelines, preferences, flags and cases are\n' +
        'projected again from the log, as of each event’s arrival, with the same ids. To use it: stop the server,\n' +
        'move the new file to rapport.db in the data folder, start the server (it goes on from where the rebuild got).',
    )
    .action(async (options: { into: string; discardStaffWork?: boolean }, command: Command) => {
      const config = configFrom(command, cli);
      const into = resolve(options.into);
      let shown = 0;
      const report = await reproject(config, {
        into,
        discardStaffWork: options.discardStaffWork,
        onProgress: (projected, head) => {
          // A line every 50,000 events, and the last.
          if (projected - shown < 50_000 && projected < head) return;
          shown = projected;
          cli.warn(`reproject: ${projected} / ${head}`);
        },
      });
      cli.print(`Projected ${report.events} events (through log position ${report.through}) into ${into}.`);
      const discarded = Object.entries(report.discarded).filter(([, n]) => n > 0);
      if (discarded.length) cli.warn(`Discarded: ${discarded.map(([what, n]) => `${n} ${what}`).join(', ')}.`);
    });
}
