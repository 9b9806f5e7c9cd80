/**
 * Paragraphs and sentences. Paragraphs are the non-empty lines of the cleaned text (extraction joins
 * blocks with blank lines, and scrapes put one paragraph per line). Sentences come from the platform's
 * ICU segmenter, then are re-joined where ICU breaks after an abbreviation ("Mr.", "U.S.", "Jan.") or an
 * initial, and kept whole across a closing quote mark.
 */
import type { Article, Span } from '../model/index.ts';
import { trimSpan } from '../model/index.ts';

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres supt insp det ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun ' +
    'inc corp co ltd llc bros dept univ assn est approx vs etc no nos fig vol ed eds op al ave blvd rd mt ft'
  ).split(' '),
);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function endsWithAbbreviation(sentence: string): boolean {
  const m = /(?:^|[\s("'\u201c\u2018])([A-Za-z][A-Za-z.]*)\.\s*$/.exec(sentence);
  if (!m) return false;
  const word = m[1]!;
  // Single capital initials ("John F. Kennedy") and dotted acronyms ("U.S.", "a.m.") do not end sentences
  // unless the next sentence clearly starts fresh; we only join when it does not (checked by the caller).
  if (/^[A-Z]$/.test(word) || /^([A-Za-z]\.)+[A-Za-z]?$/.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

// V8 walks ICU's sentence segments in time quadratic in the string's length (a 1.5 MB paragraph takes
// half a minute), so long paragraphs are cut into windows at a sentence-like boundary first.
const WINDOW = 4000;

function windows(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > WINDOW) {
    const slice = text.slice(start, start + WINDOW);
    let cut = -1;
    const boundary = /[.!?]["'\u201d\u2019)]?\s+(?=["'\u201c\u2018(]?[A-Z0-9])/g;
    for (let m = boundary.exec(slice); m; m = boundary.exec(slice))
      if (m.index > WINDOW / 2) cut = m.index + m[0].length;
    if (cut === -1) cut = slice.lastIndexOf(' ') > WINDOW / 2 ? slice.lastIndexOf(' ') + 1 : WINDOW;
    out.push({ start, end: start + cut });
    start += cut;
  }
  out.push({ start, end: span.end });
  return out;
}

export function splitSentences(text: string, paragraph: Span): Span[] {
  const pieces: Span[] = [];
  for (const window of windows(text, paragraph)) {
    const body = text.slice(window.start, window.end);
    for (const seg of segmenter.segment(body)) {
      const span = trimSpan(text, {
        start: window.start + seg.index,
        end: window.start + seg.index + seg.segment.length,
      });
      if (span.end > span.start) pieces.push(span);
    }
  }
  const merged: Span[] = [];
  for (const piece of pieces) {
    const prev = merged[merged.length - 1];
    if (prev) {
      const prevText = text.slice(prev.start, prev.end);
      const nextText = text.slice(piece.start, piece.end);
      const continues = /^[a-z0-9,;:)\u2019\u201d]/.test(nextText);
      const acronymBeforeName =
        /\b(?:[A-Z]\.){2,}$/.test(prevText) &&
        /^[A-Z][a-z]+\b/.test(nextText) &&
        !/^(The|A|An|He|She|It|They|We|I|In|On|But|And)\b/.test(nextText);
      if (
        continues ||
        (endsWithAbbreviation(prevText) && (!/\b(?:[A-Z]\.){2,}$/.test(prevText) || acronymBeforeName))
      ) {
        prev.end = piece.end;
        continue;
      }
    }
    merged.push({ ...piece });
  }
  return merged;
}

export function findParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = trimSpan(text, { start: m.index, end: m.index + m[0].length });
    if (span.end > span.start) out.push(span);
  }
  return out;
}

export function segment(article: Article): { paragraphs: Span[]; sentences: Span[] } {
  const paragraphs = findParagraphs(article.text);
  const sentences = paragraphs.flatMap((p) => splitSentences(article.text, p));
  return { paragraphs, sentences };
}
