// Pages written per replayed post, by table and index: what each post's commit puts in the WAL, which is
// what the case engine's COMMIT costs. Untimed and deterministic, so it compares changes on a noisy machine.
// Usage: npx tsx bench/case-replay-pages.ts [posts=20000 | FILE] [posts measured at the end=2000]
import { join } from 'node:path';
import { loadFeed, replayPosts } from '../src/channels/social/replay.ts';
import { CLI_ACTOR } from '../src/shared/actor.ts';
import { generateSocialFeed, writeFeedFile } from './social-feed.ts';
import { pageOwners, pagesWrittenBetween, walFrames } from './wal-frames.ts';
import { Workspace } from './workspace.ts';

async function main(): Promise<void> {
  const source = process.argv[2] ?? '20000';
  const measured = Number(process.argv[3] ?? 2_000);
  const workspace = new Workspace();
  try {
    let file = source;
    if (/^\d+$/.test(source)) {
      const posts = Number(source);
      file = join(workspace.root, 'generated-feed.jsonl');
      writeFeedFile(
        file,
        generateSocialFeed({ posts, customers: Math.max(1, Math.floor(posts / 5)), seed: 42 }).records,
      );
    }
    const { posts } = await loadFeed(file);
    const { db } = await workspace.openDatabase('case-replay');
    const connection = db.rawConnection();
    const pageSize = connection.pragma('page_size', { simple: true }) as number;
    const firstMeasured = Math.max(0, posts.length - measured);
    const options = { network: 'x', speed: 0 };
    await replayPosts(db, posts.slice(0, firstMeasured), options, CLI_ACTOR);
    const pages: number[] = [];
    for (const post of posts.slice(firstMeasured)) {
      connection.pragma('wal_checkpoint(TRUNCATE)');
      const before = walFrames(db.file, pageSize);
      await replayPosts(db, [post], options, CLI_ACTOR);
      pages.push(...pagesWrittenBetween(before, walFrames(db.file, pageSize)));
    }
    const count = posts.length - firstMeasured;
    const owners = pageOwners(connection);
    const byOwner = new Map<string, number>();
    for (const page of pages) {
      const owner = page === 1 ? '(page 1: header)' : (owners.get(page) ?? '(other)');
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + 1);
    }
    console.log(
      `${(pages.length / count).toFixed(2)} pages per post over the last ${count} of ${posts.length} posts (${source})`,
    );
    for (const [owner, total] of [...byOwner].sort((a, b) => b[1] - a[1])) {
      if (total / count >= 0.01) console.log(`  ${(total / count).toFixed(3).padStart(7)}  ${owner}`);
    }
  } finally {
    await workspace.remove();
  }
}

await main();
