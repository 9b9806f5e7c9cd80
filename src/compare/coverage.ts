/** Coverage: the story's facts and quotes against outlets — who reports what, and who leaves it out. */
import type { Article, Coverage, Fact, QuoteGroup } from '../model/index.ts';
import { outletOf } from './outlet.ts';

export function buildCoverage(articles: Article[], facts: Fact[], quotes: QuoteGroup[]): Coverage {
  const outlets = [...new Set(articles.map(outletOf))];
  const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const rows: Omit<Coverage['rows'][number], 'unique' | 'omittedBy'>[] = [
    ...facts.map((f) => ({
      kind: 'fact' as const,
      id: f.id,
      label: `${f.measure} (${f.unit || f.dimension})`,
      outlets: uniq(f.values.map((v) => v.outlet)),
    })),
    ...quotes.map((q) => ({
      kind: 'quote' as const,
      id: q.id,
      label: `${q.speakerName ?? 'unattributed'}: \u201c${q.canonical.slice(0, 80)}${q.canonical.length > 80 ? '\u2026' : ''}\u201d`,
      outlets: uniq(q.instances.map((i) => i.outlet)),
    })),
  ];
  return {
    outlets,
    rows: rows.map((r) => ({
      ...r,
      // Reported by one outlet of several: its exclusive, or its error.
      unique: r.outlets.length === 1 && outlets.length > 1,
      // Left out by an outlet while at least half of the outlets report it.
      omittedBy: r.outlets.length * 2 >= outlets.length ? outlets.filter((o) => !r.outlets.includes(o)) : [],
    })),
  };
}
