/**
 * Spans are the currency of Corroborate: every finding points at `{start, end}` in an article's cleaned
 * text (JavaScript string offsets, so `text.slice(start, end)` is the span). A human can then check it.
 */
export interface Span {
  start: number;
  end: number;
}

/** A span in a named article, used by every cross-article finding. `text` repeats the span when quoted. */
export interface Cite extends Span {
  article: string;
  text?: string;
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function spanLength(span: Span): number {
  return span.end - span.start;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Shrinks a span so that it neither starts nor ends with white space. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function byStart(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}
