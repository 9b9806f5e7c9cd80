/**
 * Which of two copies is the original: the one published first; with no dates, the one whose outlet the
 * other credits ("(MPA)", "Reuters reported"); then the more complete text.
 */
import type { Article } from '../model/index.ts';

function credits(article: Article, other: Article): boolean {
  const outlet = other.meta.outlet;
  if (!outlet) return false;
  const acronym = outlet
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
  const head = article.text.slice(0, 400);
  return (
    head.includes(outlet) ||
    (acronym.length >= 2 && new RegExp(`\\(${acronym}\\)|\\b${acronym}\\b`).test(head)) ||
    article.text.includes(`indexed from ${outlet}`)
  );
}

export function originalOf(a: Article, b: Article): Article {
  const ta = Date.parse(a.meta.published ?? '');
  const tb = Date.parse(b.meta.published ?? '');
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta < tb ? a : b;
  if (credits(a, b) && !credits(b, a)) return b;
  if (credits(b, a) && !credits(a, b)) return a;
  if (!Number.isNaN(ta) && Number.isNaN(tb)) return a;
  if (!Number.isNaN(tb) && Number.isNaN(ta)) return b;
  return a.text.length >= b.text.length ? a : b;
}
