// `rapport replay FILE --channel social`: replays a recorded feed into cases, with a progress bar
// and a summary; bad rows are listed with their line and reason while the good ones land.
import { existsSync, statSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { configFrom } from './config.ts';
import type { Cli } from './io.ts';
import { openDatabase } from '../app/app.ts';
import { startProjection } from '../app/projection.ts';
import { loadFeed, replayPosts } from '../channels/index.ts';
import { normaliseNetwork } from '../customers/index.ts';
import { CLI_ACTOR } from '../shared/actor.ts';

function nonNegative(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new InvalidArgumentError('a number ≥ 0');
  return number;
}

function network(value: string): string {
  const normalised = normaliseNetwork(value);
  if (!normalised) throw new InvalidArgumentError('a network name such as x, instagram or facebook');
  return normalised;
}

export function registerReplayCommand(program: Command, cli: Cli): void {
  program
    .command('replay')
    .description('Replay a recorded feed (CSV or JSON Lines in the "Customer Support on Twitter" layout) into cases')
    .argument(
      '<file>',
      'the feed: tweet_id, author_id, inbound, created_at, text, response_tweet_id, in_response_to_tweet_id',
    )
    .addOption(
      new Option('--channel <channel>', 'the channel the feed belongs to').choices(['social']).makeOptionMandatory(),
    )
    .option('--network <network>', 'the social network of the handles', network, 'x')
    .option(
      '--speed <n>',
      '0: as fast as possible with the recorded times; N: N times faster than recorded, stamped now',
      nonNegative,
      0,
    )
    .option('--quiet', 'no progress bar')
    .option(
      '--historical',
      'the feed is history: its posts open their cases closed, with no live SLA clock (posts over 30 days old are anyway)',
    )
    .action(
      async (
        file: string,
        options: { network: string; speed: number; quiet?: boolean; historical?: boolean },
        command: Command,
      ) => {
        if (!existsSync(file)) throw new InvalidArgumentError(`no such file: ${file}`);
        if (!statSync(file).isFile()) throw new InvalidArgumentError(`not a file: ${file}`);
        const { posts, rejected } = await loadFeed(file);
        const config = configFrom(command, cli);
        const db = await openDatabase(config);
        // Each post goes through the event log and waits for its own case, as a live channel's message does.
        const projection = await startProjection(db, config, {
          onError: (error) => cli.warn(`projecting the event log failed; retrying: ${(error as Error).message}`),
          keepImportOutcomes: true,
        });
        const bar =
          options.quiet || !cli.stderr.isTTY
            ? null
            : new cliProgress.SingleBar(
                { format: 'replay [{bar}] {value}/{total} posts · {eta_formatted} left', stream: cli.stderr },
                cliProgress.Presets.shades_classic,
              );
        bar?.start(posts.length, 0);
        const started = Date.now();
        try {
          const replay = {
            network: options.network,
            speed: options.speed,
            historical: options.historical,
            onProgress: (done: number) => bar?.update(done),
          };
          const report = await replayPosts(db, posts, replay, CLI_ACTOR);
          bar?.stop();
          report.rejected.unshift(...rejected);
          const seconds = (Date.now() - started) / 1000;
          cli.print(
            `Replayed ${report.posts} posts in ${seconds.toFixed(1)} s: ${report.casesOpened} cases opened, ${report.threadsJoined} joined a thread, ` +
              `${report.reopened} reopened, ${report.repeatContacts} repeat contacts, ${report.brandReplies} brand replies, ${report.duplicates} already there.`,
          );
          for (const problem of report.rejected.slice(0, 50)) cli.warn(`line ${problem.line}: ${problem.reason}`);
          if (report.rejected.length > 50) cli.warn(`… and ${report.rejected.length - 50} more rejected rows`);
          if (report.rejected.length) cli.exitCode = 1;
        } finally {
          bar?.stop();
          await projection.close();
          await db.close();
        }
      },
    );
}
