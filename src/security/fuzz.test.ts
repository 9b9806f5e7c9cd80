/**
 * Property-based fuzzing of every parser and decoder with fast-check: arbitrary bytes and tag soup must
 * give a result or a named `InputError`, never another exception, and each input is bounded in time.
 * The checked-in hostile corpus (hostile.test.ts) covers the famous cases; this covers the rest.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean/index.ts';
import { extractHtml } from '../extract/index.ts';
import { decodeBytes, documentFromRecord, InputError, parseFeed } from '../ingest/index.ts';
import { splitLines } from '../ingest/lines.ts';
import { warcRecords } from '../ingest/warc.ts';
import { validateArticle } from '../model/index.ts';
import { prepareArticle } from '../pipeline/index.ts';

const PER_INPUT_MS = 2000;
const RUNS = { numRuns: 150 };

function bounded<T>(run: () => T): T {
  const started = performance.now();
  const out = run();
  expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
  return out;
}

/** Only our own named error is an acceptable failure. */
function namedOrNothing(run: () => unknown) {
  try {
    bounded(run);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

const tag = fc.constantFrom(
  'div',
  'p',
  'span',
  'a',
  'article',
  'nav',
  'script',
  'style',
  'li',
  'ul',
  'table',
  'tr',
  'td',
  'h1',
  'br',
  'figure',
  'figcaption',
  'aside',
  'main',
  'noscript',
  'svg',
  'title',
  'meta',
);
const attr = fc.constantFrom(
  '',
  ' class="content"',
  ' class="share-bar"',
  ' id="main"',
  ' hidden',
  ' style="display:none"',
  ' property="og:title" content="x"',
  ' href="javascript:alert(1)"',
  ' onerror="alert(1)"',
);
const fragment = fc.oneof(
  fc.tuple(tag, attr).map(([t, a]) => `<${t}${a}>`),
  tag.map((t) => `</${t}>`),
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    '&amp;',
    '&#0;',
    '&#x110000;',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '<!doctype html>',
    '\u0000',
    '\ud800',
    '<',
    '>',
  ),
);
const tagSoup = fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join(''));

describe('fuzzing the parsers and decoders', () => {
  it('extracts any tag soup into blocks whose spans hold', () => {
    fc.assert(
      fc.property(tagSoup, (html) => {
        const result = bounded(() => extractHtml(html));
        for (const b of result.blocks) {
          expect(b.start).toBeGreaterThanOrEqual(0);
          expect(b.end).toBeLessThanOrEqual(result.text.length);
        }
      }),
      RUNS,
    );
  });

  it('prepares any HTML or text into an article that passes the span validator', () => {
    fc.assert(
      fc.property(fc.oneof(tagSoup, fc.string({ maxLength: 600 })), fc.boolean(), (content, asHtml) => {
        const article = bounded(() =>
          prepareArticle({ id: 'fuzz', source: {}, format: asHtml ? 'html' : 'text', content, meta: {} }),
        );
        expect(validateArticle(article)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('cleans any text without losing a line it keeps or inventing one', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 40 }), (lines) => {
        const raw = lines.join('\n');
        const { text } = bounded(() => cleanText(raw));
        const input = new Set(
          lines.map((l) =>
            l
              .replace(/[\t\u00a0 ]+/g, ' ')
              .replace(/\u0000/g, '')
              .trim(),
          ),
        );
        for (const line of text.split('\n')) if (line.trim()) expect(input.has(line.trim())).toBe(true);
      }),
      RUNS,
    );
  });

  it('decodes any bytes or names the input it refuses', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.option(fc.constantFrom('utf-8', 'windows-1252', 'shift_jis', 'x-unknown', 'utf-16le', '')),
        (bytes, declared) => namedOrNothing(() => decodeBytes(bytes, 'fuzz.bin', declared ?? undefined)),
      ),
      RUNS,
    );
  });

  it('reads any JSON value as an article record or names the bad line', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        namedOrNothing(() => documentFromRecord(value, {}, 'fuzz.jsonl:1')),
      ),
      RUNS,
    );
  });

  it('splits any byte stream into bounded lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), async (chunks) => {
        let total = 0;
        for await (const event of splitLines(
          (async function* () {
            for (const c of chunks) yield Buffer.from(c);
          })(),
          256,
        ))
          if ('line' in event) {
            expect(event.line.length).toBeLessThanOrEqual(256);
            total++;
          }
        expect(total).toBeLessThanOrEqual(chunks.reduce((n, c) => n + c.length, 0) + 1);
      }),
      RUNS,
    );
  });

  it('parses any feed-like text or refuses it by name', () => {
    const feedSoup = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '<?xml version="1.0"?>',
            '<rss version="2.0">',
            '<channel>',
            '<item>',
            '</item>',
            '<title>',
            '</title>',
            '<link>',
            '</link>',
            '<feed xmlns="http://www.w3.org/2005/Atom">',
            '<entry>',
            '</entry>',
            '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
            '&a;',
            '{"version":"https://jsonfeed.org/version/1.1","items":[',
          ),
          fc.string({ maxLength: 40 }),
        ),
        { maxLength: 60 },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(feedSoup, (text) => namedOrNothing(() => parseFeed(text, 'fuzz.rss'))),
      RUNS,
    );
  });

  it('reads any WARC-like stream record by record, or stops with a named error', async () => {
    const record = fc
      .tuple(fc.nat(400), fc.string({ maxLength: 300 }), fc.boolean())
      .map(
        ([length, body, truthful]) =>
          `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/\r\nContent-Length: ${truthful ? Buffer.byteLength(body) : length}\r\n\r\n${body}\r\n\r\n`,
      );
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 4 }), fc.nat(2000), async (records, cut) => {
        const bytes = Buffer.from(records.join('')).subarray(0, cut);
        const started = performance.now();
        try {
          for await (const r of warcRecords(
            (async function* () {
              yield bytes;
            })(),
          ))
            expect(r.block.length).toBeLessThanOrEqual(bytes.length);
        } catch (error) {
          expect((error as Error).message.length).toBeGreaterThan(0);
        }
        expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
      }),
      RUNS,
    );
  });

  it('survives corrupt gzip: truncated or flipped bytes end in an error, not a crash', async () => {
    const { readInputs } = await import('../ingest/index.ts');
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-fuzz-'));
    const good = gzipSync(
      Buffer.from('{"id":"a","text":"The ferry resumed service on Monday."}\n'.repeat(20)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat(good.length),
        fc.nat(good.length - 1),
        fc.integer({ min: 1, max: 255 }),
        async (cut, at, flip) => {
          const bytes = Buffer.from(good.subarray(0, Math.max(cut, 1)));
          if (at < bytes.length) bytes[at] = (bytes[at]! ^ flip) & 0xff;
          const path = join(dir, `f${cut}-${at}.jsonl.gz`);
          await writeFile(path, bytes);
          const problems: string[] = [];
          let n = 0;
          for await (const _doc of readInputs([path], {
            onProblem: (p) => problems.push(`${p.input}: ${p.message}`),
          }))
            n++;
          expect(n).toBeLessThanOrEqual(20);
          for (const p of problems) expect(p).toContain(path);
        },
      ),
      { numRuns: 60 },
    );
  });
});
