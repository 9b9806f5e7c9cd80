/**
 * The self-contained HTML report of `analyze --format html`: the UI's own story views with their
 * stylesheet and script inlined, so the one file needs no server and no network.
 */
import type { Analysis } from '../pipeline/index.ts';
import { escapeHtml, page, storyBody } from '../ui/index.ts';
import { makeView } from './view.ts';

export function renderHtml(analysis: Analysis): string {
  const view = makeView(analysis);
  const unclustered = analysis.articles.filter(
    (a) => !analysis.stories.some((s) => s.articles.includes(a.id)),
  );
  const problems = analysis.problems.length
    ? `<section><h2>Inputs skipped</h2><ul>${analysis.problems.map((p) => `<li><code>${escapeHtml(p.input)}</code>: ${escapeHtml(p.message)}</li>`).join('')}</ul></section>`
    : '';
  const body = `<h1>Corroborate report</h1>
<p class="meta">${analysis.articles.length} articles, ${analysis.stories.length} stories, ${analysis.duplicates.length} copy pairs${unclustered.length ? `, ${unclustered.length} articles without text` : ''}</p>
<nav aria-label="Stories"><ul>${analysis.stories.map((s) => `<li><a href="#story-${escapeHtml(s.id)}">${escapeHtml(s.title || s.id)}</a></li>`).join('')}</ul></nav>
${analysis.stories.map((s) => storyBody(view, s, { linkArticles: false })).join('\n')}
${problems}`;
  return page('Corroborate report', body, 'inline', false);
}
