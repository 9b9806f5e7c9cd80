/**
 * What every report format shows, decided once: the order of stories, how a citation is labelled, how a
 * fact's values read. The text, Markdown and HTML renderers only lay these out.
 */

import type { Article, Cite, Fact, Story } from '../model/index.ts';
import type { Analysis } from '../pipeline/index.ts';

export interface ReportView {
  analysis: Analysis;
  byId: Map<string, Article>;
  outletOf: (articleId: string) => string;
  /** A stable small number per article, for element ids. */
  indexOf: (articleId: string) => number;
}

export function makeView(analysis: Analysis): ReportView {
  const byId = new Map(analysis.articles.map((a) => [a.id, a]));
  const index = new Map(analysis.articles.map((a, i) => [a.id, i]));
  return {
    analysis,
    byId,
    outletOf: (id) => byId.get(id)?.meta.outlet ?? id,
    indexOf: (id) => index.get(id) ?? -1,
  };
}

export function storyOutlets(view: ReportView, story: Story): string[] {
  return [...new Set(story.articles.map(view.outletOf))];
}

export function citeLabels(view: ReportView, cites: Cite[]): string[] {
  return [...new Set(cites.map((c) => view.outletOf(c.article)))];
}

/** "about three hours (Outlet A) against more than five hours (Outlet B, Outlet C)". */
export function describeFact(view: ReportView, fact: Fact): string {
  if (fact.status === 'conflict' && fact.sides?.length) {
    // One group per side of the dispute: the values that can be true together, and who reports them.
    return fact.sides
      .map((side) => {
        const values = fact.values.filter(
          (v) =>
            side.outlets.includes(v.outlet ?? view.outletOf(v.article)) &&
            v.high * 1.02 >= side.low &&
            v.low * 0.98 <= side.high,
        );
        return `${[...new Set(values.map((v) => v.text.trim()))].join(', ')} (${side.outlets.join(', ')})`;
      })
      .join(' against ');
  }
  const byText = new Map<string, Set<string>>();
  for (const v of fact.values) {
    const key = v.text.trim();
    if (!byText.has(key)) byText.set(key, new Set());
    byText.get(key)!.add(v.outlet ?? view.outletOf(v.article));
  }
  return [...byText]
    .map(([text, outlets]) => `${text} (${[...outlets].join(', ')})`)
    .join(fact.status === 'conflict' ? ' against ' : '; ');
}

export function conflicts(story: Story): Fact[] {
  return story.facts.filter((f) => f.status === 'conflict');
}

export function formatDate(iso: string | undefined | null): string {
  return iso ? iso.slice(0, 10) : 'undated';
}

export function copyPairs(view: ReportView) {
  return view.analysis.duplicates.map((d) => {
    const original = d.original ?? d.a;
    const copy = original === d.a ? d.b : d.a;
    return {
      original,
      copy,
      kind: d.kind,
      similarity: d.similarity,
      originalOutlet: view.outletOf(original),
      copyOutlet: view.outletOf(copy),
    };
  });
}
