/**
 * `corroborate extract`: main text and metadata of one page or scrape, or, with `--jsonl`, a long-running
 * filter that turns JSON lines `{"id","url","html"}` on stdin into one result line each, in input order —
 * the shape crawlers and batch jobs want, one process kept warm instead of one per page.
 */
import { Option } from 'commander';
import type { RawDocument } from '../../ingest/index.ts';
import { readInputs } from '../../ingest/index.ts';
import { splitLines } from '../../ingest/lines.ts';
import { extractDocument, outletFromUrl } from '../../pipeline/index.ts';
import { detectLanguage } from '../../pipeline/language.ts';
import type { RegisterCommand } from './index.ts';

const MAX_LINE = 64 * 1024 * 1024;

/** The extraction result in the flat shape of `--jsonl` and `--format json`. */
export function extractionRecord(doc: RawDocument) {
  const { text, meta, flags, removed, captions } = extractDocument(doc);
  const url = doc.source.url ?? doc.meta.url ?? meta.url;
  return {
    id: doc.id ?? null,
    text,
    title: doc.meta.title ?? meta.title ?? null,
    byline: doc.meta.byline ?? meta.byline ?? null,
    published: doc.meta.published ?? meta.published ?? null,
    modified: meta.modified ?? null,
    outlet: doc.meta.outlet ?? meta.outlet ?? outletFromUrl(url) ?? null,
    language: meta.language ?? detectLanguage(text) ?? null,
    url: meta.url ?? url ?? null,
    flags,
    captions,
    removed,
  };
}

export const registerExtract: RegisterCommand = (program, setExitCode) => {
  program
    .command('extract')
    .description('main text and metadata of a page or text scrape (or a stream of pages with --jsonl)')
    .argument('[input]', 'an HTML or text file, or - for stdin', '-')
    .option('--url <url>', 'the page address, for metadata and relative links (not fetched)')
    .option('--jsonl', 'read JSON lines {"id","url","html"} on stdin; write one result line per input line')
    .addOption(new Option('-f, --format <format>').choices(['text', 'json']).default('text'))
    .action(async (input: string, opts: { url?: string; jsonl?: boolean; format: 'text' | 'json' }) => {
      if (opts.jsonl) {
        const failed = await extractJsonLines(process.stdin);
        if (failed) setExitCode(1);
        return;
      }
      let n = 0;
      for await (const doc of readInputs([input], {
        onProblem: (p) => {
          process.stderr.write(`corroborate: ${p.input}: ${p.message}\n`);
          setExitCode(1);
        },
      })) {
        n++;
        if (opts.url) doc.source = { ...doc.source, url: opts.url };
        const record = extractionRecord(doc);
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
        } else {
          const head = [
            record.title,
            [record.outlet, record.byline, record.published].filter(Boolean).join(' · '),
          ]
            .filter(Boolean)
            .join('\n');
          const flags = record.flags.length ? `[flags: ${record.flags.join(', ')}]\n` : '';
          process.stdout.write(`${head ? `${head}\n\n` : ''}${flags}${record.text}\n`);
        }
      }
      if (n === 0) setExitCode(1);
    });
};

/**
 * One output line per input line, in order; a bad line yields `{"id","error"}` in its place so that the
 * caller's line numbers stay aligned. Returns whether any line failed.
 */
export async function extractJsonLines(
  input: AsyncIterable<Buffer | string>,
  write: (line: string) => void = (line) => process.stdout.write(line),
): Promise<boolean> {
  let failed = false;
  for await (const event of splitLines(input, MAX_LINE)) {
    if ('tooLong' in event) {
      failed = true;
      write(`${JSON.stringify({ id: null, error: `line ${event.number}: over ${MAX_LINE} bytes` })}\n`);
      continue;
    }
    if (!event.line.trim()) continue;
    let id: unknown = null;
    try {
      const record = JSON.parse(event.line) as {
        id?: unknown;
        url?: unknown;
        html?: unknown;
        text?: unknown;
      };
      id = record.id ?? null;
      const html = typeof record.html === 'string' ? record.html : undefined;
      const text = typeof record.text === 'string' ? record.text : undefined;
      if (html === undefined && text === undefined) throw new Error('expected "html" (or "text")');
      const url = typeof record.url === 'string' ? record.url : undefined;
      const out = extractionRecord({
        id: id === null ? undefined : String(id),
        source: url ? { url } : {},
        format: html !== undefined ? 'html' : 'text',
        content: html ?? text!,
        meta: {},
      });
      const { removed: _removed, captions: _captions, modified: _modified, url: _url, ...line } = out;
      write(`${JSON.stringify({ ...line, id })}\n`);
    } catch (error) {
      failed = true;
      write(`${JSON.stringify({ id, error: `line ${event.number}: ${(error as Error).message}` })}\n`);
    }
  }
  return failed;
}
