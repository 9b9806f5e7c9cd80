/**
 * The span invariant, checked in one place for every annotation type: each span lies inside its
 * article's text, and wherever a finding repeats the text it points at, the repetition is exact.
 */
import { type Article, quoteText } from './article.ts';
import type { Cite, Span } from './span.ts';
import type { Duplicate, QuoteInstance, Reuse, Story } from './story.ts';

export interface SpanProblem {
  where: string;
  problem: string;
}

function checkSpan(text: string, span: Span | null | undefined, where: string, out: SpanProblem[]): void {
  if (!span) return;
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) out.push({ where, problem: 'non-integer offset' });
  else if (start < 0 || end > text.length || start > end)
    out.push({ where, problem: `span ${start}-${end} outside text of length ${text.length}` });
}

function checkClaim(
  text: string,
  span: Span,
  claimed: string | undefined,
  where: string,
  out: SpanProblem[],
) {
  checkSpan(text, span, where, out);
  if (claimed !== undefined && text.slice(span.start, span.end) !== claimed)
    out.push({
      where,
      problem: `claims ${JSON.stringify(claimed.slice(0, 60))} but span holds ${JSON.stringify(text.slice(span.start, span.end).slice(0, 60))}`,
    });
}

export function validateArticle(article: Article): SpanProblem[] {
  const out: SpanProblem[] = [];
  const { text, annotations: a } = article;
  const at = (layer: string, i: number) => `${article.id}.${layer}[${i}]`;
  a.blocks.forEach((s, i) => checkSpan(text, s, at('blocks', i), out));
  a.paragraphs.forEach((s, i) => checkSpan(text, s, at('paragraphs', i), out));
  a.sentences.forEach((s, i) => checkSpan(text, s, at('sentences', i), out));
  a.captions.forEach((s, i) => checkSpan(text, s, at('captions', i), out));
  a.entities.forEach((e, i) =>
    e.mentions.forEach((m, j) => checkSpan(text, m, `${at('entities', i)}.mentions[${j}]`, out)),
  );
  a.quotes.forEach((q, i) => {
    checkSpan(text, q.content, `${at('quotes', i)}.content`, out);
    checkSpan(text, q.speaker, `${at('quotes', i)}.speaker`, out);
    checkSpan(text, q.cue, `${at('quotes', i)}.cue`, out);
    q.parts?.forEach((part, j) => {
      const where = `${at('quotes', i)}.parts[${j}]`;
      checkSpan(text, part, where, out);
      const prev = j > 0 ? q.parts![j - 1]! : null;
      if (part.start < q.content.start || part.end > q.content.end || (prev && part.start < prev.end))
        out.push({ where, problem: 'part outside the content or out of order' });
    });
    if (q.speakerEntity && !a.entities.some((e) => e.id === q.speakerEntity))
      out.push({ where: `${at('quotes', i)}.speakerEntity`, problem: `unknown entity ${q.speakerEntity}` });
  });
  a.quantities.forEach((q, i) => {
    checkSpan(text, q, at('quantities', i), out);
    checkSpan(text, q.measureSpan, `${at('quantities', i)}.measureSpan`, out);
    if (!(q.low <= q.high))
      out.push({ where: at('quantities', i), problem: `interval ${q.low}..${q.high} is empty` });
  });
  a.dates.forEach((d, i) => checkSpan(text, d, at('dates', i), out));
  return out;
}

export interface Findings {
  articles: Article[];
  stories: Story[];
  duplicates: Duplicate[];
  reuse: Reuse[];
}

/** Checks every article and every cross-article citation in a set of findings. */
export function validateFindings(findings: Findings): SpanProblem[] {
  const out: SpanProblem[] = findings.articles.flatMap(validateArticle);
  const byId = new Map(findings.articles.map((a) => [a.id, a]));
  const cite = (c: Cite, where: string) => {
    const article = byId.get(c.article);
    if (!article) out.push({ where, problem: `unknown article ${c.article}` });
    else checkClaim(article.text, c, c.text, where, out);
  };
  // A split quote repeats the words of its pieces, not of the hull with the attribution inside.
  const citeParts = (q: QuoteInstance, parts: Span[], where: string) => {
    const article = byId.get(q.article);
    if (!article) {
      out.push({ where, problem: `unknown article ${q.article}` });
      return;
    }
    checkSpan(article.text, q, where, out);
    parts.forEach((p, k) => checkSpan(article.text, p, `${where}.parts[${k}]`, out));
    const words = quoteText(article.text, { content: q, parts });
    if (words !== q.text)
      out.push({
        where,
        problem: `claims ${JSON.stringify(q.text.slice(0, 60))} but its parts hold ${JSON.stringify(words.slice(0, 60))}`,
      });
  };
  for (const story of findings.stories) {
    const s = `story ${story.id}`;
    for (const id of story.articles)
      if (!byId.has(id)) out.push({ where: s, problem: `unknown article ${id}` });
    story.entities.forEach((e) =>
      e.mentions.forEach((m, j) => cite(m, `${s}.entity ${e.id}.mentions[${j}]`)),
    );
    story.quotes.forEach((g) =>
      g.instances.forEach((q, j) => {
        const where = `${s}.quote ${g.id}.instances[${j}]`;
        if (q.parts) citeParts(q, q.parts, where);
        else cite(q, where);
        if (q.speaker) cite(q.speaker, `${s}.quote ${g.id}.instances[${j}].speaker`);
      }),
    );
    story.facts.forEach((f) => f.values.forEach((v, j) => cite(v, `${s}.fact ${f.id}.values[${j}]`)));
    story.summary.forEach((x, i) => x.sources.forEach((c, j) => cite(c, `${s}.summary[${i}].sources[${j}]`)));
    story.timeline.forEach((x, i) =>
      x.sources.forEach((c, j) => cite(c, `${s}.timeline[${i}].sources[${j}]`)),
    );
  }
  for (const r of findings.reuse) {
    const a = byId.get(r.a);
    const b = byId.get(r.b);
    r.passages.forEach((p, i) => {
      if (a) checkClaim(a.text, p.a, p.a.text, `reuse ${r.a}~${r.b}.passages[${i}].a`, out);
      if (b) checkClaim(b.text, p.b, p.b.text, `reuse ${r.a}~${r.b}.passages[${i}].b`, out);
    });
  }
  for (const d of findings.duplicates)
    for (const id of [d.a, d.b])
      if (!byId.has(id)) out.push({ where: `duplicate ${d.a}~${d.b}`, problem: `unknown article ${id}` });
  return out;
}
