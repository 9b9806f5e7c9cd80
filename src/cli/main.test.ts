import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { validateReportSchema } from '../report/index.ts';
import { main } from './main.ts';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-cli-'));
});

async function run(args: string[]) {
  const errors: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    errors.push(String(chunk));
    return true;
  });
  try {
    return { code: await main(args), stderr: errors.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('corroborate analyze', () => {
  it.each(['text', 'md', 'json', 'html'])('writes a %s report of the examples', async (format) => {
    const out = join(dir, `report.${format}`);
    const { code } = await run(['analyze', examples, '--format', format, '--out', out]);
    expect(code).toBe(0);
    const report = await readFile(out, 'utf8');
    if (format === 'json') expect(validateReportSchema(JSON.parse(report))).toEqual([]);
    if (format === 'html') {
      expect(report).toMatch(/^<!doctype html>/);
      expect(report).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/i);
    }
    expect(report).toMatch(/Valdoria|Kestrel/);
  });

  it('goes on past bad inputs, naming each, and exits 0 when something was read', async () => {
    const bad = join(dir, 'bad.jsonl');
    await writeFile(
      bad,
      '{"id":"ok","text":"The harbour reopened on Friday after a week of repairs."}\n{broken\n',
    );
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    const out = join(dir, 'partial.json');
    const { code, stderr } = await run([
      'analyze',
      bad,
      empty,
      join(dir, 'missing.html'),
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain(`${bad}:2: invalid JSON`);
    expect(stderr).toContain(`${empty}: file is empty`);
    expect(stderr).toContain(`${join(dir, 'missing.html')}: no such file or directory`);
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(report.articles.map((a: { id: string }) => a.id)).toEqual(['ok']);
    expect(report.problems).toHaveLength(3);
  });

  it('exits non-zero when nothing could be read', async () => {
    const binary = join(dir, 'junk.txt');
    await writeFile(binary, Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0]));
    const { code, stderr } = await run(['analyze', binary, '--out', join(dir, 'none.txt')]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${binary}: looks like a binary file`);
    expect(stderr).toContain('no article could be read');
  });

  it('rejects an unknown format with a usage error', async () => {
    const { code, stderr } = await run(['analyze', examples, '--format', 'pdf']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/pdf/);
  });
});
