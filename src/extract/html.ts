/**
 * Main-content extraction. By default our own: one htmlparser2 pass builds a light, depth-capped page
 * tree (tree.ts), block scoring picks the article (score.ts), and its blocks (headings, paragraphs, list
 * items, block quotes, table rows) are joined by blank lines; captions are kept aside, bylines and
 * visible datelines become metadata, and page furniture goes to `removed` with its reason. The
 * `readability` engine (Mozilla Readability on linkedom, with a streaming fallback for pages too deep or
 * too large for a DOM) stays for comparison in eval:extract. Every empty result carries a flag saying why.
 */
import { createRequire } from 'node:module';
import { Parser } from 'htmlparser2';
import { classifyLine } from '../clean/rules.ts';
import type { Block, Removal } from '../model/index.ts';
import { cleanByline, isoDate, readMetadata } from './metadata.ts';
import { BLOCK_KIND, selectContent } from './score.ts';
import { metadataDocument, parsePage } from './tree.ts';
import type { Extraction, ExtractOptions } from './types.ts';

// Readability and linkedom serve only the `readability` engine (kept for comparison), so they load on
// first use rather than with every command.
const require = createRequire(import.meta.url);
let readabilityStack:
  | {
      parseHTML: typeof import('linkedom').parseHTML;
      Readability: typeof import('@mozilla/readability').Readability;
    }
  | undefined;
function loadReadability() {
  readabilityStack ??= {
    parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
  };
  return readabilityStack;
}

const MAX_DOM_BYTES = 8 * 1024 * 1024;
const MAX_DEPTH_FOR_DOM = 2000;

const normalize = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

interface RawBlock {
  kind: Block['kind'];
  text: string;
}

class BlockBuilder {
  readonly blocks: RawBlock[] = [];
  push(kind: Block['kind'], text: string) {
    const t = normalize(text);
    if (t) this.blocks.push({ kind, text: t });
  }
}

function maxDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const re = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g;
  const voids = /^(br|img|hr|meta|link|input|source|wbr|area|base|col|embed|param|track)$/i;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (voids.test(m[2]!) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    if (depth > max) max = depth;
    if (max > MAX_DEPTH_FOR_DOM) return max;
  }
  return max;
}

type El = { tagName?: string; childNodes: ArrayLike<El>; textContent: string | null; nodeType: number };

/** Blocks from Readability's content element, walked with an explicit stack (no recursion). */
function blocksFromDom(root: El, out: BlockBuilder) {
  const stack: El[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const tag = node.tagName?.toLowerCase();
    const kind = tag ? BLOCK_KIND[tag] : undefined;
    if (kind) {
      if (tag === 'tr') {
        const cells = Array.from(node.childNodes)
          .filter((c) => /^t[dh]$/i.test(c.tagName ?? ''))
          .map((c) => normalize(c.textContent ?? ''));
        out.push('table', cells.filter(Boolean).join(' | '));
      } else if (
        tag === 'li' &&
        Array.from(node.childNodes).some((c) => /^(p|ul|ol)$/i.test(c.tagName ?? ''))
      ) {
        for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
      } else out.push(kind, node.textContent ?? '');
      continue;
    }
    if (node.nodeType === 3) {
      out.push('paragraph', node.textContent ?? '');
      continue;
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
}

/** Streaming fallback for pages too deep or too large for a DOM: keeps text of paragraph-like elements. */
function blocksByStreaming(html: string, out: BlockBuilder) {
  const skip = new Set(['script', 'style', 'nav', 'footer', 'header', 'aside', 'form', 'noscript', 'svg']);
  let skipping = 0;
  let current: { kind: Block['kind']; text: string } | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        if (skip.has(name)) skipping++;
        const kind = BLOCK_KIND[name];
        if (kind && !skipping) {
          if (current) out.push(current.kind, current.text);
          current = { kind, text: '' };
        }
      },
      ontext(text) {
        if (!skipping && current) current.text += text;
      },
      onclosetag(name) {
        if (skip.has(name)) skipping = Math.max(0, skipping - 1);
        if (current && BLOCK_KIND[name] === current.kind) {
          out.push(current.kind, current.text);
          current = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  if (current) out.push((current as RawBlock).kind, (current as RawBlock).text);
}

function assemble(
  raw: RawBlock[],
  removed: Removal[],
  meta: Extraction['meta'],
): { text: string; blocks: Block[]; captions: string[] } {
  const captions: string[] = [];
  const blocks: Block[] = [];
  let text = '';
  const seen = new Set<string>();
  for (const b of raw) {
    if (b.kind === 'caption') {
      if (!captions.includes(b.text)) captions.push(b.text);
      continue;
    }
    // Readability keeps duplicated teasers and repeated pull quotes; a block repeated verbatim adds nothing.
    if (b.text.length > 40 && seen.has(b.text)) continue;
    seen.add(b.text);
    // Containers Readability keeps still hold bylines, share bars and newsletter boxes.
    const verdict = b.kind === 'paragraph' || b.kind === 'list' ? classifyLine(b.text) : null;
    if (verdict && verdict.reason !== 'caption') {
      if (verdict.byline) meta.byline ??= verdict.byline;
      removed.push({ text: b.text, reason: verdict.reason });
      continue;
    }
    if (text) text += '\n\n';
    blocks.push({ start: text.length, end: text.length + b.text.length, kind: b.kind });
    text += b.text;
  }
  return { text, blocks, captions };
}

function flagsFor(html: string, text: string, title: string | undefined): string[] {
  const flags: string[] = [];
  const lower = html.slice(0, 200_000).toLowerCase();
  if (
    /captcha|are you a robot|access denied|just a moment\.\.\.|attention required/.test(
      `${title ?? ''} ${text.slice(0, 500)}`.toLowerCase(),
    )
  )
    flags.push('blocked');
  // Plain substring tests first: a regex scan of every class attribute costs as much as parsing the page.
  if (
    (lower.includes('paywall') && /class="[^"]*paywall/.test(lower)) ||
    lower.includes('subscribe to continue') ||
    lower.includes('subscribe to read') ||
    lower.includes('to continue reading') ||
    lower.includes('already a subscriber')
  )
    flags.push('paywall');
  if (text.length < 200 && /<noscript|enable javascript|id="(root|app|__next)"/.test(lower))
    flags.push('js-shell');
  if (text.length < 1500 && (lower.match(/<a\s/g) ?? []).length > 80) flags.push('index-page');
  if (!text)
    flags.push(
      /<body[^>]*>\s*<\/body>|<body[^>]*>\s*$/.test(lower) || !/<body/.test(lower)
        ? 'empty:no-body-content'
        : 'empty:no-article-text',
    );
  return flags;
}

export function extractHtml(html: string, options: ExtractOptions = {}): Extraction {
  const removed: Removal[] = [];
  const out = new BlockBuilder();
  let meta: Extraction['meta'] = options.url ? { url: options.url } : {};
  const tooBig = html.length > MAX_DOM_BYTES;
  const page = tooBig ? html.slice(0, 50 * 1024 * 1024) : html;
  if ((options.engine ?? 'own') === 'own') {
    const tree = parsePage(page);
    meta = readMetadata(metadataDocument(tree), options.url);
    const { blocks, captions, dropped } = selectContent(tree.root);
    removed.push(...dropped);
    meta.published ??= datelineDate([
      ...dropped.filter((d) => d.reason === 'dateline'),
      ...blocks.slice(0, 4),
    ]);
    const said = (x: string | undefined) =>
      x
        ?.toLowerCase()
        .replace(/^by\s+/, '')
        .trim();
    for (const b of blocks) {
      // A short block that is just the author's or the outlet's name is the page's credit line.
      if (b.text.length <= 60 && [said(meta.byline), said(meta.outlet)].includes(said(b.text))) {
        removed.push({ text: b.text, reason: 'byline' });
        continue;
      }
      // Bylines sit inside the article container, marked as such by the site; they are metadata.
      if (
        b.text.length <= 200 &&
        /(^|[\s_-])(byline|author|authors|dateline)([\s_-]|$)/.test(b.owner.hints)
      ) {
        removed.push({ text: b.text, reason: 'byline' });
        meta.byline ??= cleanByline(b.text);
        continue;
      }
      out.push(b.kind, b.text);
    }
    for (const c of captions) out.push('caption', c);
    dropTitleHeading(out, meta.title);
    const { text, blocks: spans, captions: kept } = assemble(out.blocks, removed, meta);
    const flags = flagsFor(html, text, meta.title);
    if (tooBig) flags.push('large-page');
    if (tree.folded) flags.push('deep-dom');
    return { text, blocks: spans, captions: kept, meta, removed: removed.filter((r) => r.text), flags };
  }
  const tooDeep = !tooBig && maxDepth(html) > MAX_DEPTH_FOR_DOM;
  let usedDom = false;
  if (!tooBig && !tooDeep) {
    try {
      const { parseHTML, Readability } = loadReadability();
      const { document } = parseHTML(html);
      meta = readMetadata(document as never, options.url);
      const parsed = new Readability(document as never, { charThreshold: 200 }).parse();
      if (parsed?.content) {
        const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
        blocksFromDom(content.body as unknown as El, out);
        usedDom = true;
        if (!meta.byline && parsed.byline) meta.byline = parsed.byline.replace(/^by\s+/i, '').trim();
        if (!meta.title && parsed.title) meta.title = parsed.title;
      }
    } catch (error) {
      removed.push({ text: '', reason: `dom-extraction-failed: ${(error as Error).message}` });
    }
  }
  if (!usedDom) blocksByStreaming(page, out);
  const { text, blocks, captions } = assemble(out.blocks, removed, meta);
  const flags = flagsFor(html, text, meta.title);
  if (tooBig) flags.push('large-page');
  if (tooDeep) flags.push('deep-dom');
  return { text, blocks, captions, meta, removed: removed.filter((r) => r.text), flags };
}

const VISIBLE_DATE =
  /\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b/;

/** A date printed on the page ("Published March 2, 2026"), when the markup states none. */
function datelineDate(candidates: { text: string }[]): string | undefined {
  for (const { text } of candidates) {
    const m = VISIBLE_DATE.exec(text.slice(0, 300));
    // "UTC" keeps the printed day whatever the machine's time zone.
    const printed = m?.[0].replace(/\.(?= )/, '').replace(/Sept/, 'Sep');
    const iso = printed
      ? isoDate(/^\d{4}-/.test(printed) ? printed : `${printed} UTC`)?.slice(0, 10)
      : undefined;
    if (iso) return iso;
  }
  return undefined;
}

/** The page's headline repeats the title, which is metadata; the article text starts after it. */
function dropTitleHeading(out: BlockBuilder, title: string | undefined) {
  if (!title) return;
  const key = title.toLowerCase().replace(/\W+/g, ' ').trim();
  const at = out.blocks.findIndex(
    (b, i) => i < 5 && b.kind === 'heading' && b.text.toLowerCase().replace(/\W+/g, ' ').trim() === key,
  );
  if (at >= 0) out.blocks.splice(at, 1);
}
