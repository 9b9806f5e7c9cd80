import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type InputProblem, type RawDocument, readInputs } from './read.ts';

let dir: string;

async function collect(inputs: string[], extra: Parameters<typeof readInputs>[1] = {}) {
  const problems: InputProblem[] = [];
  const docs: RawDocument[] = [];
  for await (const doc of readInputs(inputs, { ...extra, onProblem: (p) => problems.push(p) }))
    docs.push(doc);
  return { docs, problems };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-ingest-'));
  await mkdir(join(dir, 'nested', 'deeper'), { recursive: true });
  await writeFile(join(dir, 'a.txt'), 'Harbour talks resume\nThe harbour authority met unions on Friday.\n');
  await writeFile(
    join(dir, 'b.md'),
    '---\ntitle: "Port strike ends"\noutlet: Coastal Times\npublished: 2026-05-01\n---\nDock workers returned on Monday.\n',
  );
  await writeFile(
    join(dir, 'nested', 'c.html'),
    '<html><body><p>Cranes moved again at the port.</p></body></html>',
  );
  await writeFile(
    join(dir, 'nested', 'deeper', 'd.jsonl'),
    '{"id":"j1","text":"First line article.","outlet":"Wire"}\nnot json\n{"id":"j2","html":"<p>Second</p>","url":"https://news.example/x"}\n{"id":"j3"}\n',
  );
  await writeFile(
    join(dir, 'e.jsonl.gz'),
    gzipSync('{"id":"g1","text":"Gzipped article text."}\n{"id":"g2","text":"Another."}\n'),
  );
  await writeFile(
    join(dir, 'f.json'),
    JSON.stringify([{ id: 'arr1', text: 'From an array.' }, { text: 'No id here.' }]),
  );
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
  await writeFile(
    join(dir, 'latin.html'),
    Buffer.from('<html><body><p>Caf\xe9 owners in S\xe3o Paulo \x93quoted\x94.</p></body></html>', 'latin1'),
  );
  await writeFile(
    join(dir, 'declared.html'),
    Buffer.from('<meta charset="iso-8859-2"><p>\xb3\xf3d\xbc</p>', 'latin1'),
  );
  await writeFile(
    join(dir, 'truncated.jsonl.gz'),
    gzipSync('{"id":"t1","text":"kept"}\n'.repeat(50)).subarray(0, 30),
  );
  await writeFile(join(dir, 'ignored.pdf'), 'not read');
});

describe('readInputs', () => {
  it('reads every supported format from a directory tree, in sorted order, and reports bad inputs by name', async () => {
    const { docs, problems } = await collect([dir]);
    const ids = docs.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining(['a', 'b', 'g1', 'g2', 'arr1', 'f-2', 'c', 'j1', 'j2', 'latin', 'declared']),
    );
    expect(ids.indexOf('a')).toBeLessThan(ids.indexOf('b'));
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.get('b')!.meta).toMatchObject({
      title: 'Port strike ends',
      outlet: 'Coastal Times',
      published: '2026-05-01',
    });
    expect(byId.get('b')!.content).toBe('Dock workers returned on Monday.\n');
    expect(byId.get('c')!.format).toBe('html');
    expect(byId.get('j2')!.source).toMatchObject({ url: 'https://news.example/x', line: 3 });
    expect(byId.get('j1')!.meta.outlet).toBe('Wire');
    const where = problems.map((p) => p.input);
    expect(where).toContain(join(dir, 'empty.txt'));
    expect(where).toContain(join(dir, 'binary.txt'));
    expect(where).toContain(`${join(dir, 'nested', 'deeper', 'd.jsonl')}:2`);
    expect(where).toContain(`${join(dir, 'nested', 'deeper', 'd.jsonl')}:4`);
    expect(problems.find((p) => p.input.endsWith('binary.txt'))!.message).toMatch(/binary/);
    expect(problems.find((p) => p.input.endsWith('truncated.jsonl.gz'))!.message).toMatch(
      /gzip|truncated|end of file/i,
    );
    expect(where.some((p) => p.endsWith('ignored.pdf'))).toBe(false);
  });

  it('decodes windows-1252 when bytes are not UTF-8, and honours a declared charset', async () => {
    const { docs } = await collect([join(dir, 'latin.html'), join(dir, 'declared.html')]);
    expect(docs[0]!.content).toContain('Caf\u00e9 owners in S\u00e3o Paulo \u201cquoted\u201d');
    expect(docs[1]!.content).toContain('\u0142\u00f3d\u017a');
  });

  it('reports a missing input and goes on with the next', async () => {
    const { docs, problems } = await collect([join(dir, 'nope.txt'), join(dir, 'a.txt')]);
    expect(docs.map((d) => d.id)).toEqual(['a']);
    expect(problems).toEqual([{ input: join(dir, 'nope.txt'), message: 'no such file or directory' }]);
  });

  it('refuses files over the size limit and lines over the line limit without reading them whole', async () => {
    const big = join(dir, 'big.txt');
    await writeFile(big, 'word '.repeat(5000));
    const { problems } = await collect([big], { maxBytes: 1000 });
    expect(problems[0]!.message).toMatch(/over the 1000-byte limit/);
    const long = join(dir, 'long.jsonl');
    await writeFile(long, `{"id":"x","text":"${'a'.repeat(5000)}"}\n{"id":"y","text":"short"}\n`);
    const r = await collect([long], { maxLineBytes: 1000 });
    expect(r.docs.map((d) => d.id)).toEqual(['y']);
    expect(r.problems[0]).toEqual({ input: `${long}:1`, message: 'line longer than the limit, skipped' });
  });

  it('stops a gzip bomb at the decompressed size limit', async () => {
    const bomb = join(dir, 'bomb.jsonl.gz');
    await writeFile(bomb, gzipSync(Buffer.alloc(20_000_000, 0x20)));
    const { docs, problems } = await collect([bomb], { maxBytes: 1_000_000 });
    expect(docs).toEqual([]);
    expect(problems[0]!.message).toMatch(/larger than \d+ bytes once decompressed/);
  });

  it('reads stdin as text, HTML or JSON Lines', async () => {
    const text = await collect(['-'], { stdin: [Buffer.from('Plain story from a pipe.')] });
    expect(text.docs[0]).toMatchObject({ format: 'text', content: 'Plain story from a pipe.' });
    const html = await collect(['-'], { stdin: ['<html><p>Hi</p></html>'] });
    expect(html.docs[0]!.format).toBe('html');
    const jsonl = await collect(['-'], { stdin: ['{"id":"s1","text":"one"}\n{"id":"s2","text":"two"}\n'] });
    expect(jsonl.docs.map((d) => d.id)).toEqual(['s1', 's2']);
    const empty = await collect(['-'], { stdin: ['  \n'] });
    expect(empty.problems).toEqual([{ input: 'stdin', message: 'input is empty' }]);
  });
});
