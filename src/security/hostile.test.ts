/**
 * Every hostile input through the real `analyze` command in its own process, bounded in time and
 * memory: no crash, no hang, no memory blow-up, each problem named, and the HTML report inert.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'bin', 'corroborate.js');
const corpus = join(here, 'hostile');
let generated: string;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
  report: string;
}

function analyze(input: string, timeoutMs = 60_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const out = join(generated, `${Math.random().toString(36).slice(2)}.html`);
    const started = Date.now();
    const child = spawn(
      'node',
      ['--max-old-space-size=768', cli, 'analyze', input, '--format', 'html', '--out', out],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', async (code, signal) => {
      clearTimeout(timer);
      const report = await readFile(out, 'utf8').catch(() => '');
      resolve({ code, signal, stderr, ms: Date.now() - started, report });
    });
  });
}

function expectInert(html: string) {
  expect(html).not.toMatch(/<script>alert/i);
  expect(html).not.toMatch(/<img[^>]*onerror/i);
  expect(html).not.toMatch(/href="javascript:/i);
}

beforeAll(async () => {
  generated = await mkdtemp(join(tmpdir(), 'corroborate-hostile-'));
  await writeFile(
    join(generated, 'deep.html'),
    `<html><body>${'<div>'.repeat(100_000)}<p>Deep in the page, the council approved the budget on Monday.</p>${'</div>'.repeat(100_000)}</body></html>`,
  );
  const paragraph =
    '<p>The harbour authority said on Monday that dredging would resume next week, weather permitting.</p>\n';
  await writeFile(
    join(generated, 'huge.html'),
    `<html><body><article>${paragraph.repeat(Math.ceil(20_000_000 / paragraph.length))}</article></body></html>`,
  );
  // A sparse file: one 1 GB "line" with no newline, costing no disk space.
  const handle = await open(join(generated, 'one-line.jsonl'), 'w');
  await handle.truncate(1024 ** 3);
  await handle.close();
}, 60_000);

describe('hostile inputs through analyze', () => {
  it.each([
    ['gzip-bomb.jsonl.gz', /larger than \d+ bytes once decompressed/],
    ['invalid-utf8.txt', null],
    ['nul-bytes.txt', /binary/],
    ['billion-laughs.rss', /entity-expansion/],
    ['self-feed.rss', /no content/],
    ['truncated.warc', /truncated inside a record/],
    ['broken.html', null],
    ['binary.html', /binary/],
    ['empty-body.html', null],
    ['not-json.jsonl', /not-json\.jsonl:2: invalid JSON/],
    ['script-injection.html', null],
  ])(
    '%s',
    async (name, problem) => {
      const input = join(corpus, name);
      const r = await analyze(input);
      expect(r.signal).toBeNull();
      expect([0, 1]).toContain(r.code);
      expect(r.ms).toBeLessThan(45_000);
      if (problem) {
        expect(r.stderr).toContain(name);
        expect(r.stderr).toMatch(problem);
      }
      if (r.report) expectInert(r.report);
    },
    90_000,
  );

  it('reports and survives a page nested 100,000 levels deep', async () => {
    const r = await analyze(join(generated, 'deep.html'));
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.report).toContain('approved the budget');
  }, 90_000);

  it('handles a 20 MB page in bounded time', async () => {
    const r = await analyze(join(generated, 'huge.html'));
    expect(r.signal).toBeNull();
    expect([0, 1]).toContain(r.code);
  }, 120_000);

  it('skips a 1 GB single line without holding it in memory', async () => {
    const r = await analyze(join(generated, 'one-line.jsonl'));
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/one-line\.jsonl:1: line longer than the limit|binary/);
  }, 120_000);
});
