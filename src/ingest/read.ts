/**
 * Local inputs to raw documents: files, directories (recursively, in sorted order, so runs are
 * repeatable), `-` for stdin. One bad input never stops the others: each problem is reported through
 * `onProblem`, naming the input (and line), and reading goes on.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { ArticleMeta, ArticleSource } from '../model/index.ts';
import { decodeBytes, InputError } from './decode.ts';
import { looksLikeFeed, parseFeed } from './feed.ts';
import { splitFrontMatter } from './frontmatter.ts';
import { STREAM_CHUNK, splitLines } from './lines.ts';
import { isWarcPath, readWarc } from './warc.ts';
import { type FeedCache, readUrl, WebFetcher } from './web.ts';

export interface RawDocument {
  id?: string;
  source: ArticleSource;
  format: 'html' | 'text';
  content: string;
  meta: ArticleMeta;
}

export interface InputProblem {
  input: string;
  message: string;
}

export interface ReadOptions {
  onProblem?: (problem: InputProblem) => void;
  /** Largest file (or decompressed stream) read, in bytes. */
  maxBytes?: number;
  /** Largest single JSON line, in characters. */
  maxLineBytes?: number;
  /** Fetches URL inputs; a default one (public addresses only) is made when a URL is given. */
  web?: WebFetcher;
  /** Conditional-request state of feeds, kept between polls. */
  feedCache?: Map<string, FeedCache>;
  /** Replaces stdin, for tests. */
  stdin?: AsyncIterable<Buffer | string> | Iterable<Buffer | string>;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_LINE = 16 * 1024 * 1024;
// News text gzips to a fifth or a tenth of its size; a hundredfold expansion is not text.
const MAX_GZIP_RATIO = 100;
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const JSON_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);

function kindOf(path: string): 'text' | 'html' | 'json' | 'jsonl' | 'jsonl.gz' | 'warc' | 'feed' | null {
  const lower = path.toLowerCase();
  if (isWarcPath(lower)) return 'warc';
  if (/\.(rss|atom|xml)$/.test(lower)) return 'feed';
  if (lower.endsWith('.jsonl.gz') || lower.endsWith('.ndjson.gz') || lower.endsWith('.json.gz'))
    return 'jsonl.gz';
  const ext = extname(lower);
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  if (ext === '.json') return 'json';
  if (JSON_EXTENSIONS.has(ext)) return 'jsonl';
  return null;
}

function stringField(record: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && value.trim()) return value;
    if (typeof value === 'number' && name === 'id') return String(value);
  }
  return undefined;
}

/** One article record of a JSON or JSON Lines input. */
export function documentFromRecord(record: unknown, source: ArticleSource, where: string): RawDocument {
  if (!record || typeof record !== 'object' || Array.isArray(record))
    throw new InputError(where, 'expected a JSON object with "text" or "html"');
  const r = record as Record<string, unknown>;
  const html = stringField(r, 'html');
  const text = stringField(r, 'text', 'content', 'body', 'articleBody');
  if (!html && !text) throw new InputError(where, 'record has neither "text" nor "html"');
  const url = stringField(r, 'url', 'link');
  const meta: ArticleMeta = {};
  const set = (key: keyof ArticleMeta, ...names: string[]) => {
    const v = stringField(r, ...names);
    if (v) meta[key] = v;
  };
  set('title', 'title', 'headline');
  set('outlet', 'outlet', 'source', 'publisher', 'site');
  set('byline', 'byline', 'author');
  set('published', 'published', 'date', 'datePublished', 'published_at');
  set('language', 'language', 'lang');
  if (url) meta.url = url;
  return {
    id: stringField(r, 'id', 'doc_id'),
    source: url ? { ...source, url } : source,
    format: html ? 'html' : 'text',
    content: (html ?? text)!,
    meta,
  };
}

function documentFromFile(
  path: string,
  text: string,
  kind: 'text' | 'html',
  source: ArticleSource,
): RawDocument {
  const base = basename(path).replace(/\.[^.]+$/, '');
  if (kind === 'html') return { id: base, source, format: 'html', content: text, meta: {} };
  const { meta, body } = splitFrontMatter(text);
  if (!body.trim()) throw new InputError(path, 'file is empty');
  return { id: base, source, format: 'text', content: body, meta };
}

async function* readJsonLines(
  chunks: AsyncIterable<Buffer | string>,
  input: string,
  options: ReadOptions,
): AsyncGenerator<RawDocument> {
  const report = options.onProblem ?? (() => {});
  for await (const event of splitLines(chunks, options.maxLineBytes ?? DEFAULT_MAX_LINE)) {
    const where = `${input}:${event.number}`;
    if ('tooLong' in event) {
      report({ input: where, message: 'line longer than the limit, skipped' });
      continue;
    }
    if (!event.line.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(event.line);
    } catch (error) {
      report({ input: where, message: `invalid JSON (${(error as Error).message})` });
      continue;
    }
    try {
      const doc = documentFromRecord(record, { path: input, line: event.number }, where);
      yield { ...doc, id: doc.id ?? `${basename(input).replace(/\..*$/, '')}-${event.number}` };
    } catch (error) {
      report({
        input: where,
        message: error instanceof InputError ? error.message.slice(where.length + 2) : String(error),
      });
    }
  }
}

/** Caps a stream's total size: a gzip bomb is cut off and reported instead of filling memory. */
async function* capped(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
  input: string,
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes)
      throw new InputError(input, `larger than ${maxBytes} bytes once decompressed; stopped there`);
    yield chunk;
  }
}

async function* readFileInput(path: string, options: ReadOptions): AsyncGenerator<RawDocument> {
  const kind = kindOf(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!kind)
    throw new InputError(
      path,
      'unsupported file type (expected .txt, .md, .html, .json, .jsonl, .jsonl.gz, .warc, .warc.gz, .rss, .atom or .xml)',
    );
  const info = await stat(path);
  if (info.size === 0) throw new InputError(path, 'file is empty');
  if (kind === 'warc') {
    yield* readWarc(path, (message) => options.onProblem?.({ input: path, message }));
    return;
  }
  // JSON Lines stream line by line, so only a line is ever held: their size is not capped, but a gzip
  // stream expanding far beyond what text compresses to is a bomb and is stopped.
  if (kind === 'jsonl.gz') {
    const stream = createReadStream(path, { highWaterMark: STREAM_CHUNK }).pipe(
      createGunzip({ chunkSize: STREAM_CHUNK }),
    );
    yield* readJsonLines(capped(stream, Math.max(maxBytes, info.size * MAX_GZIP_RATIO), path), path, options);
    return;
  }
  if (kind === 'jsonl') {
    yield* readJsonLines(createReadStream(path, { highWaterMark: STREAM_CHUNK }), path, options);
    return;
  }
  if (info.size > maxBytes)
    throw new InputError(path, `file is ${info.size} bytes, over the ${maxBytes}-byte limit`);
  const { text } = decodeBytes(await readFile(path), path);
  if (!text.trim()) throw new InputError(path, 'file is empty');
  if (kind === 'json') {
    yield* readJsonDocument(text, path, options);
    return;
  }
  if (kind === 'feed') {
    if (!looksLikeFeed('', text)) throw new InputError(path, 'not an RSS, Atom or JSON feed');
    for (const [i, item] of parseFeed(text, path).items.entries()) {
      if (!item.content) {
        options.onProblem?.({
          input: `${path}[${i}]`,
          message: 'feed item has no content; ingest the feed by URL to fetch its pages',
        });
        continue;
      }
      const meta: ArticleMeta = {};
      if (item.title) meta.title = item.title;
      if (item.published) meta.published = item.published;
      if (item.author) meta.byline = item.author;
      if (item.url) meta.url = item.url;
      yield {
        id: `${basename(path).replace(/\..*$/, '')}-${i + 1}`,
        source: { path, ...(item.url ? { url: item.url } : {}) },
        format: 'html',
        content: item.content,
        meta,
      };
    }
    return;
  }
  yield documentFromFile(path, text, kind, { path });
}

function* readJsonDocument(text: string, path: string, options: ReadOptions): Generator<RawDocument> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Many ".json" files are really JSON Lines.
    const lines = text.split('\n').filter((l) => l.trim());
    if (lines.length > 1) {
      for (const [i, line] of lines.entries()) {
        try {
          const doc = documentFromRecord(JSON.parse(line), { path, line: i + 1 }, `${path}:${i + 1}`);
          yield { ...doc, id: doc.id ?? `${basename(path, '.json')}-${i + 1}` };
        } catch (error) {
          options.onProblem?.({
            input: `${path}:${i + 1}`,
            message: error instanceof InputError ? 'not an article record' : 'invalid JSON',
          });
        }
      }
      return;
    }
    throw new InputError(path, 'invalid JSON');
  }
  const records = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { articles?: unknown }).articles)
      ? (parsed as { articles: unknown[] }).articles
      : [parsed];
  for (const [i, record] of records.entries()) {
    const where = records.length > 1 ? `${path}[${i}]` : path;
    try {
      const doc = documentFromRecord(record, { path }, where);
      yield {
        ...doc,
        id: doc.id ?? (records.length > 1 ? `${basename(path, '.json')}-${i + 1}` : basename(path, '.json')),
      };
    } catch (error) {
      options.onProblem?.({ input: where, message: (error as Error).message.slice(where.length + 2) });
    }
  }
}

async function* listFiles(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* listFiles(path);
    else if (entry.isFile() && kindOf(path)) yield path;
  }
}

async function* readStdin(options: ReadOptions): AsyncGenerator<RawDocument> {
  const stdin = options.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.length;
    if (total > (options.maxBytes ?? DEFAULT_MAX_BYTES))
      throw new InputError('stdin', 'input over the size limit');
    chunks.push(buf);
  }
  const { text } = decodeBytes(Buffer.concat(chunks), 'stdin');
  if (!text.trim()) throw new InputError('stdin', 'input is empty');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    yield* readJsonDocument(text, 'stdin', options);
    return;
  }
  const format = /^<(!doctype|html|head|body|article|div|p)\b/i.test(trimmed) ? 'html' : 'text';
  yield documentFromFile('stdin', text, format, { path: '-' });
}

/** Reads every input in order; problems are reported and skipped. */
export async function* readInputs(inputs: string[], options: ReadOptions = {}): AsyncGenerator<RawDocument> {
  const report = options.onProblem ?? (() => {});
  const guard = async function* (input: string, docs: AsyncGenerator<RawDocument>) {
    try {
      yield* docs;
    } catch (error) {
      report({
        input,
        message: error instanceof InputError ? error.message.slice(error.input.length + 2) : describe(error),
      });
    }
  };
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      options.web ??= new WebFetcher();
      yield* guard(
        input,
        readUrl(input, options.web, {
          onProblem: (i, message) => report({ input: i, message }),
          feedCache: options.feedCache,
        }),
      );
      continue;
    }
    if (input === '-') {
      yield* guard('stdin', readStdin(options));
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (error) {
      report({ input, message: describe(error) });
      continue;
    }
    if (!isDir) {
      yield* guard(input, readFileInput(input, options));
      continue;
    }
    let found = 0;
    for await (const path of listFiles(input)) {
      found++;
      yield* guard(path, readFileInput(path, options));
    }
    if (found === 0) report({ input, message: 'directory holds no readable article files' });
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  if (e?.code === 'Z_DATA_ERROR' || e?.code === 'Z_BUF_ERROR')
    return `corrupt or truncated gzip data (${e.message})`;
  return e?.message ?? String(error);
}
