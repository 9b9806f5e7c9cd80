/**
 * The plain-text scrape cleaner. Lines are judged one by one (rules.ts), then in context: a repeated
 * line is a duplicated photo caption (one copy kept, marked as a caption block); a "Related Posts" or
 * "Read More" line ends the article, and what follows it goes unless it clearly continues the story (long
 * sentences sharing the body's vocabulary). Nothing disappears silently: every removal is in `removed`.
 */

import type { Extraction } from '../extract/types.ts';
import type { Block, Removal } from '../model/index.ts';
import { classifyLine, hasPhotoCredit, looksLikeSentence } from './rules.ts';

const MAX_LINE = 100_000;
const WHITESPACE_RUN = /[\t\u00a0]| {2}/;

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).slice(0, 5000));
}

/** Share of a line's longer words that the article body also uses. */
function overlap(line: string, body: Set<string>): number {
  const w = words(line);
  if (w.size === 0) return 0;
  let hit = 0;
  for (const x of w) if (body.has(x)) hit++;
  return hit / w.size;
}

export function cleanText(raw: string): Extraction {
  const removed: Removal[] = [];
  const meta: Extraction['meta'] = {};
  const kept: { text: string; kind: Block['kind'] }[] = [];
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .split('\n');
  const seen = new Map<string, number>();
  let tail = false;
  const tailLines: string[] = [];

  for (const rawLine of lines) {
    // Most lines have no runs of spaces or tabs to fold: test before building a copy.
    let line = (WHITESPACE_RUN.test(rawLine) ? rawLine.replace(/[\t\u00a0 ]+/g, ' ') : rawLine).trim();
    if (!line) continue;
    if (line.length > MAX_LINE) line = line.slice(0, MAX_LINE);
    if (tail) {
      tailLines.push(line);
      continue;
    }
    const verdict = classifyLine(line);
    if (verdict?.endsArticle) {
      removed.push({ text: line, reason: verdict.reason });
      tail = true;
      continue;
    }
    if (verdict?.byline) {
      meta.byline ??= verdict.byline;
      removed.push({ text: line, reason: 'byline' });
      continue;
    }
    if (verdict && verdict.reason !== 'caption') {
      removed.push({ text: line, reason: verdict.reason });
      continue;
    }
    const key = line.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      // The same line twice: scrapers duplicate photo captions. Keep the first, marked as a caption.
      const first = kept[earlier]!;
      if (!looksLikeSentence(line) || hasPhotoCredit(line) || first.kind === 'caption')
        first.kind = 'caption';
      removed.push({ text: line, reason: 'duplicate-caption' });
      continue;
    }
    seen.set(key, kept.length);
    kept.push({
      text: line,
      kind:
        verdict?.reason === 'caption' || (hasPhotoCredit(line) && line.length < 300)
          ? 'caption'
          : 'paragraph',
    });
  }

  // After a related-links marker, keep only lines that continue the story. The body's vocabulary is only
  // worth collecting when there is such a tail: most articles have none.
  const body = tailLines.length
    ? words(
        kept
          .filter((k) => k.kind === 'paragraph')
          .map((k) => k.text)
          .join(' '),
      )
    : new Set<string>();
  for (const line of tailLines) {
    const verdict = classifyLine(line);
    if (!verdict && looksLikeSentence(line) && line.length > 120 && overlap(line, body) >= 0.6)
      kept.push({ text: line, kind: 'paragraph' });
    else
      removed.push({
        text: line,
        reason: verdict && !verdict.endsArticle ? verdict.reason : 'related-block',
      });
  }

  let text = '';
  const blocks: Block[] = [];
  for (const k of kept) {
    if (text) text += '\n';
    blocks.push({ start: text.length, end: text.length + k.text.length, kind: k.kind });
    text += k.text;
  }
  const first = blocks[0];
  if (first && blocks.length > 1) {
    const line = text.slice(first.start, first.end);
    if (line.length <= 160 && !/[.!?:"\u201d]$/.test(line)) first.kind = 'heading';
  }
  return { text, blocks, captions: [], meta, removed, flags: text ? [] : ['empty:no-article-text'] };
}
