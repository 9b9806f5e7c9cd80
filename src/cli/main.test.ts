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

async function captureStdout(args: string[]) {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  try {
    const result = await run(args);
    return { ...result, stdout: out.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('corroborate cluster', () => {
  it('puts the examples in one story and an unrelated article in another, one line per article in order', async () => {
    const other = join(dir, 'zz-other.txt');
    await writeFile(
      other,
      'Orchard growers expect a record apple harvest\n\nApple growers in the northern valleys expect their largest harvest in a decade after a mild spring, the growers association said on Friday.\n',
    );
    const { code, stdout } = await captureStdout(['cluster', examples, other]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; story: string });
    expect(lines.length).toBe(7);
    expect(lines.at(-1)!.id).toBe('zz-other');
    const exampleStories = new Set(lines.slice(0, -1).map((l) => l.story));
    expect(exampleStories.size).toBe(1);
    expect(exampleStories.has(lines.at(-1)!.story)).toBe(false);
  });
});

describe('corroborate extract', () => {
  it('prints the main text and metadata of a page', async () => {
    const { code, stdout } = await captureStdout([
      'extract',
      join(examples, 'meridian-wire.html'),
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(record.title).toMatch(/Valdoria and Kestrel/);
    expect(record.byline).toBe('Lena Varga');
    expect(record.text).not.toMatch(/^By Lena Varga/);
  });

  it('turns JSON lines of pages into result lines in order, a bad line answered in its place', async () => {
    const { extractJsonLines } = await import('./commands/extract.ts');
    const page = (title: string) =>
      `<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>The ferry resumed service on Monday after a week of repairs, the operator said in a statement to passengers.</p></article></body></html>`;
    const input = [
      JSON.stringify({ id: 'p1', url: 'https://news.example/a', html: page('Ferry resumes') }),
      '{broken',
      JSON.stringify({ id: 'p3', html: page('Second page') }),
    ].join('\n');
    const lines: string[] = [];
    const failed = await extractJsonLines(
      (async function* () {
        yield Buffer.from(input);
      })(),
      (l) => lines.push(l),
    );
    expect(failed).toBe(true);
    const records = lines.map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual(['p1', null, 'p3']);
    expect(records[0].text).toContain('The ferry resumed service on Monday');
    expect(records[0].outlet).toBe('news.example');
    expect(records[1].error).toMatch(/line 2/);
    expect(Object.keys(records[2]).sort()).toEqual(
      ['byline', 'flags', 'id', 'language', 'outlet', 'published', 'text', 'title'].sort(),
    );
  });
});
