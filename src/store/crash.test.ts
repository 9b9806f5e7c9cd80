/**
 * Crash safety with real processes: an ingest is killed with SIGKILL at random moments and restarted
 * until it finishes; no article may be lost or stored twice, and the stories must equal a clean run's
 * (made on one thread, while the killed runs use worker threads).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { syntheticArticles, toJsonl } from '../testing/synthetic.ts';
import { Store } from './store.ts';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'corroborate.js');
const run = promisify(execFile);

async function snapshot(db: string) {
  const store = await Store.open(db);
  try {
    const rows = await store.db.query<{ id: string; content_hash: string; story_id: string | null }>(
      'select id, content_hash, story_id from articles order by id',
    );
    const { stories } = await store.listStories({ limit: 500 });
    const full = await Promise.all(stories.map((s) => store.getStory(s.id)));
    return {
      articles: rows,
      stories: full
        .map((s) => ({
          id: s!.id,
          articles: [...s!.articles].sort(),
          facts: s!.facts.length,
          quotes: s!.quotes.length,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      pending: await store.db.query('select seq from inbox'),
    };
  } finally {
    await store.close();
  }
}

/** Runs an ingest, killing it after `killAfterMs` unless it finishes first; true when it finished. */
function ingestUntil(db: string, input: string, killAfterMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [cli, 'ingest', input, '--db', db, '--batch', '7', '--threads', '2'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(false);
      else if (code === 0) resolve(true);
      else reject(new Error(`ingest failed (${code}): ${stderr}`));
    });
  });
}

describe('ingest killed with SIGKILL', () => {
  it('loses and duplicates nothing, and ends with the stories of a clean run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-crash-'));
    const input = join(dir, 'stream.jsonl');
    const articles = syntheticArticles(120, 9);
    await writeFile(input, toJsonl(articles));
    // The clean run works on one thread; the killed runs prepare and build in worker threads (the
    // default), so the comparison also checks that threads change nothing stored.
    await run('node', [cli, 'ingest', input, '--db', join(dir, 'clean'), '--threads', '0']);
    const clean = await snapshot(join(dir, 'clean'));
    expect(clean.articles).toHaveLength(articles.length);

    const crashed = join(dir, 'crashed');
    let kills = 0;
    // Seeded schedule of kill times, so a failure can be reproduced.
    const delays = [1900, 2300, 2700, 3100, 2500, 3500, 4000, 30_000];
    for (const delay of delays) {
      if (await ingestUntil(crashed, input, delay)) break;
      kills++;
    }
    expect(kills).toBeGreaterThan(0);
    const after = await snapshot(crashed);
    expect(after.pending).toEqual([]);
    expect(after.articles.map((a) => a.content_hash).sort()).toEqual(
      clean.articles.map((a) => a.content_hash).sort(),
    );
    expect(new Set(after.articles.map((a) => a.id)).size).toBe(articles.length);
    expect(after.stories).toEqual(clean.stories);
  }, 240_000);
});
