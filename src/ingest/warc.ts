/**
 * Web archives: WARC and WARC.gz files as crawlers and Common Crawl write them. Every `response` record
 * whose HTTP payload is HTML becomes a document, with the target URI as its URL.
 *
 * Our own streaming reader rather than warcio: on archives truncated inside a record header, warcio's
 * parser never returns (measured here), and inside a block it yields the cut payload as if whole. This
 * reader holds at most one record in memory, checks every block against its Content-Length, keeps the
 * records read before any damage, and reports the damage naming the archive.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { decodeBytes, InputError } from './decode.ts';
import { STREAM_CHUNK } from './lines.ts';
import type { RawDocument } from './read.ts';

const MAX_RECORD_BYTES = 32 * 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;

export function isWarcPath(path: string): boolean {
  return /\.warc(\.gz)?$/i.test(path);
}

interface WarcRecord {
  headers: Map<string, string>;
  block: Buffer;
}

function parseHeaderLines(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Records of a WARC byte stream; throws on malformed or truncated input after yielding what was whole. */
export async function* warcRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<WarcRecord> {
  let buffer: Buffer = Buffer.alloc(0);
  let need: { headers: Map<string, string>; length: number } | null = null;
  const take = (n: number) => {
    const out = buffer.subarray(0, n);
    buffer = buffer.subarray(n);
    return out;
  };
  for await (const chunk of chunks) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (!need) {
        // Records are separated by blank lines; skip them before a header.
        let start = 0;
        while (start < buffer.length && (buffer[start] === 0x0d || buffer[start] === 0x0a)) start++;
        if (start) take(start);
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) {
          if (buffer.length > MAX_HEADER_BYTES) throw new Error('record header too long');
          break;
        }
        const headerText = take(end + 4).toString('latin1');
        if (!/^WARC\/\d/.test(headerText)) throw new Error('not a WARC record header');
        const headers = parseHeaderLines(headerText.trimEnd());
        const length = Number(headers.get('content-length'));
        if (!Number.isInteger(length) || length < 0) throw new Error('record without a valid Content-Length');
        if (length > MAX_RECORD_BYTES) throw new Error(`record of ${length} bytes, over the limit`);
        need = { headers, length };
      }
      if (buffer.length < need.length) break;
      const block = Buffer.from(take(need.length));
      yield { headers: need.headers, block };
      need = null;
    }
  }
  if (need) throw new Error(`truncated inside a record (${buffer.length} of ${need.length} bytes)`);
  if (buffer.toString('latin1').trim()) throw new Error('truncated inside a record header');
}

function splitHttp(block: Buffer): { status: number; headers: Map<string, string>; body: Buffer } | null {
  const end = block.indexOf('\r\n\r\n');
  if (end === -1) return null;
  const head = block.subarray(0, end).toString('latin1');
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(head)?.[1] ?? 0);
  return { status, headers: parseHeaderLines(head), body: block.subarray(end + 4) };
}

export async function* readWarc(
  path: string,
  onProblem: (message: string) => void,
): AsyncGenerator<RawDocument> {
  const file = createReadStream(path, { highWaterMark: STREAM_CHUNK });
  const stream = /\.gz$/i.test(path) ? file.pipe(createGunzip({ chunkSize: STREAM_CHUNK })) : file;
  let index = 0;
  try {
    for await (const record of warcRecords(stream as AsyncIterable<Buffer>)) {
      index++;
      if (record.headers.get('warc-type') !== 'response') continue;
      const http = splitHttp(record.block);
      const contentType = http?.headers.get('content-type') ?? '';
      if (!http || !/html/i.test(contentType) || http.status < 200 || http.status >= 300) continue;
      const url = record.headers.get('warc-target-uri')?.replace(/^<|>$/g, '');
      try {
        const { text } = decodeBytes(
          http.body,
          `${path}#${index}`,
          /charset=([\w-]+)/i.exec(contentType)?.[1],
        );
        yield { source: { path, url, line: index }, format: 'html', content: text, meta: url ? { url } : {} };
      } catch (error) {
        onProblem(`record ${index}: ${(error as Error).message}`);
      }
    }
  } catch (error) {
    throw new InputError(
      path,
      `corrupt or truncated WARC after record ${index} (${(error as Error).message})`,
    );
  } finally {
    file.destroy();
  }
}
