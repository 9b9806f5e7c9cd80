/**
 * Attributions by a colon: a speaker label opening a sentence or a paragraph, then what it said.
 * "Poll: Voters Abandon the Party" and "Ruiz: Bridge Will Reopen in April" (headlines), "PENCE: Well, look, …"
 * (a transcript line, whose content runs to the end of its paragraph). The label must be someone who can
 * speak: a name the article mentions again, a reporting agent ("Poll", "Police", "Officials"), or an
 * all-capitals speaker tag that opens at least two paragraphs.
 */
import type { Article, Entity, Span } from '../../model/index.ts';
import { AGENTS, CUE_VERBS } from './lexicon.ts';

export interface ColonAttribution {
  /** the label before the colon */
  speaker: Span;
  /** the colon */
  cue: Span;
  content: Span;
}

/** All-capitals labels that head notes and sections, not speech. */
const NOT_SPEAKERS = new Set(
  'update updated note editor editors watch read related correction clarification text photo photos video source sources breaking exclusive advertisement warning spoiler transcript live developing analysis opinion commentary editorial question answer q a click here subscribe share follow listen more see also update summary background bottom line the latest latest why what how when where who caption credit image'.split(
    ' ',
  ),
);

// One to four capitalised words (initials and "Jr." allowed), a colon, a space.
const LABEL = /^(?:["“]\s*)?((?:[A-Z][A-Za-z.'’-]*\s+){0,3}[A-Z][A-Za-z.'’-]*?):[ \t]+(?=\S)/;
const UPPER_LABEL = /^[A-Z][A-Z.'’ -]*[A-Z]$/;

/** A label at the start of `span`, as [label start, label end, colon end], or null. */
function labelAt(text: string, span: Span): [number, number, number] | null {
  // The cheap test first: a colon in the first few dozen characters.
  const limit = Math.min(span.end, span.start + 49);
  let colon = span.start;
  while (colon < limit && text.charCodeAt(colon) !== 58) colon++;
  if (colon >= limit) return null;
  const m = LABEL.exec(text.slice(span.start, Math.min(span.end, colon + 3)));
  if (!m) return null;
  const start = span.start + m[0].indexOf(m[1]!);
  return [start, start + m[1]!.length, span.start + m[0].length];
}

/** Is the label (or its head) a name mentioned at least twice, not a place? */
function mentionedElsewhere(entities: readonly Entity[], label: Span): boolean {
  for (const e of entities) {
    if (e.type === 'place' || e.mentions.length < 2) continue;
    let covers = false;
    // The mention may be the label or its last words ("Rush Limbaugh" read as "Limbaugh").
    for (const m of e.mentions) if (m.start < label.end && m.end === label.end) covers = true;
    if (covers) return true;
  }
  return false;
}

/** Trims white space, closing quote marks and the final stop off the end of a content. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s.!?;,"”’]/.test(text[end - 1]!)) end--;
  return end;
}

export function colonAttributions(article: Article): ColonAttribution[] {
  const { text } = article;
  const { sentences, paragraphs, entities } = article.annotations;
  const out: ColonAttribution[] = [];
  // Transcript tags: all-capitals labels opening two or more paragraphs.
  const tags = new Map<string, number>();
  const paragraphLabels: ([number, number, number] | null)[] = [];
  for (const p of paragraphs) {
    const label = labelAt(text, p);
    paragraphLabels.push(label);
    if (!label) continue;
    const tag = text.slice(label[0], label[1]);
    if (UPPER_LABEL.test(tag) && !NOT_SPEAKERS.has(tag.toLowerCase()))
      tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  let p = 0;
  for (const sentence of sentences) {
    while (p < paragraphs.length && paragraphs[p]!.end <= sentence.start) p++;
    const paragraph = paragraphs[p];
    const label =
      paragraph && paragraph.start === sentence.start ? paragraphLabels[p]! : labelAt(text, sentence);
    if (!label) continue;
    let [start, end, after] = label;
    let cue = { start: end, end: end + 1 };
    // 'Said Ellis: "…"': a reporting verb before the name is the cue.
    const verb = /^([A-Z][a-z]+)\s+(?=[A-Z])/.exec(text.slice(start, end));
    if (verb && CUE_VERBS.has(verb[1]!.toLowerCase())) {
      cue = { start, end: start + verb[1]!.length };
      start += verb[0].length;
    }
    const words = text.slice(start, end);
    const lower = words.toLowerCase();
    const speaker = { start, end };
    const tag = (tags.get(words) ?? 0) >= 2 && paragraph?.start !== undefined && paragraph.start <= start;
    const head = lower.slice(lower.lastIndexOf(' ') + 1);
    if (NOT_SPEAKERS.has(lower) || NOT_SPEAKERS.has(head)) continue;
    if (!tag && !AGENTS.has(head) && !mentionedElsewhere(entities, speaker)) continue;
    // A transcript line speaks to the end of its paragraph; a headline or a sentence to its own end.
    const stop = trimEnd(text, after, tag && paragraph ? paragraph.end : sentence.end);
    if (stop - after < 12 || text.slice(after, stop).split(/\s+/).length < 3) continue;
    out.push({ speaker, cue, content: { start: after, end: stop } });
  }
  return out;
}
