/**
 * Scale-out against a real PostgreSQL server: three worker processes share a queued corpus, and the
 * stored stories must equal those one process builds from the same inputs.
 */
import { execFile, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Store } from './store.ts';
import { testDatabases } from './testing.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'corroborate.js');
const inputs = [join(root, 'examples'), join(root, 'src', 'compare', 'fixtures')];
const run = promisify(execFile);
const postgres = testDatabases().find((d) => d.name === 'postgres');

async function storiesOf(url: string) {
  const store = await Store.open(url);
  try {
    const { stories } = await store.listStories({ limit: 500 });
    const full = await Promise.all(stories.map((s) => store.getStory(s.id)));
    return full
      .map((s) => ({
        id: s!.id,
        title: s!.title,
        articles: [...s!.articles].sort(),
        facts: s!.facts.map((f) => [f.measure, f.status, f.values.length]),
        quotes: s!.quotes.length,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  } finally {
    await store.close();
  }
}

describe.runIf(postgres)('workers on PostgreSQL', () => {
  it('three workers build the same stories as one process', async () => {
    const single = await postgres!.create();
    const shared = await postgres!.create();
    await run('node', [cli, 'ingest', ...inputs, '--db', single]);
    await run('node', [cli, 'ingest', ...inputs, '--db', shared, '--queue']);
    const workers = [1, 2, 3].map(
      () =>
        new Promise<number>((resolve, reject) => {
          const child = spawn('node', [cli, 'worker', '--db', shared, '--exit-when-idle'], {
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          child.on('error', reject);
          child.on('exit', (code) => resolve(code ?? 1));
        }),
    );
    expect(await Promise.all(workers)).toEqual([0, 0, 0]);
    const expected = await storiesOf(single);
    expect(expected.length).toBeGreaterThan(0);
    expect(await storiesOf(shared)).toEqual(expected);
  }, 120_000);
});
