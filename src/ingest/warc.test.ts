import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type InputProblem, type RawDocument, readInputs } from './read.ts';

function record(type: string, uri: string, http: string): Buffer {
  const block = Buffer.from(http);
  const head = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Target-URI: ${uri}`,
    'WARC-Date: 2026-03-02T10:00:00Z',
    `WARC-Record-ID: <urn:uuid:${Math.random().toString(16).slice(2)}>`,
    `Content-Type: application/http; msgtype=${type}`,
    `Content-Length: ${block.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
}

const page = (body: string, contentType = 'text/html; charset=utf-8', status = '200 OK') =>
  `HTTP/1.1 ${status}\r\nContent-Type: ${contentType}\r\n\r\n${body}`;

async function collect(path: string) {
  const docs: RawDocument[] = [];
  const problems: InputProblem[] = [];
  for await (const d of readInputs([path], { onProblem: (p) => problems.push(p) })) docs.push(d);
  return { docs, problems };
}

describe('WARC input', () => {
  const records = [
    record('request', 'https://news.example/a', 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n'),
    record(
      'response',
      'https://news.example/a',
      page('<html><body><p>Harbour reopens after storm.</p></body></html>'),
    ),
    record('response', 'https://news.example/logo.png', page('PNGDATA', 'image/png')),
    record('response', 'https://news.example/gone', page('<p>Not here</p>', 'text/html', '404 Not Found')),
    record(
      'response',
      'https://news.example/b',
      page('<p>Caf\xe9 prices rise.</p>', 'text/html; charset=iso-8859-1'),
    ),
  ];

  it('reads HTML responses from a plain and a gzipped archive, skipping other records', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-warc-'));
    await writeFile(
      join(dir, 'crawl.warc'),
      Buffer.concat(records.map((r) => Buffer.from(r.toString('latin1'), 'latin1'))),
    );
    await writeFile(join(dir, 'crawl.warc.gz'), Buffer.concat(records.map((r) => gzipSync(r))));
    for (const name of ['crawl.warc', 'crawl.warc.gz']) {
      const { docs, problems } = await collect(join(dir, name));
      expect(problems).toEqual([]);
      expect(docs.map((d) => d.source.url)).toEqual(['https://news.example/a', 'https://news.example/b']);
      expect(docs[0]).toMatchObject({ format: 'html', meta: { url: 'https://news.example/a' } });
      expect(docs[0]!.content).toContain('Harbour reopens');
    }
  });

  it.each([
    ['inside a header', 60, /inside a record header/],
    ['inside a block', 300, /inside a record \(/],
  ])('keeps the records before a truncation %s and names the archive', async (_where, keep, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-warc-'));
    const whole = Buffer.concat(records.slice(0, 2));
    const path = join(dir, 'cut.warc');
    await writeFile(path, Buffer.concat([whole, records[4]!.subarray(0, keep)]));
    const { docs, problems } = await collect(path);
    expect(docs.map((d) => d.source.url)).toEqual(['https://news.example/a']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.input).toBe(path);
    expect(problems[0]!.message).toMatch(message);
  });

  it('refuses a file that is not a WARC', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-warc-'));
    const path = join(dir, 'fake.warc');
    await writeFile(path, 'hello\r\n\r\nworld');
    const { docs, problems } = await collect(path);
    expect(docs).toEqual([]);
    expect(problems[0]!.message).toMatch(/not a WARC record header/);
  });
});
