/** The article page: cleaned text with its annotations, extraction flags and metadata. */
import type { Article } from '../model/index.ts';
import type { ReportView } from '../report/view.ts';
import { escapeHtml, markedText, safeHref } from './html.ts';
import { articleMarks } from './story.ts';

export function articleBody(view: ReportView, article: Article, story: string | null): string {
  const m = article.meta;
  const rows: [string, string | undefined][] = [
    ['Outlet', m.outlet],
    ['Byline', m.byline],
    ['Published', m.published],
    ['Language', m.language],
    ['URL', m.url ?? article.source.url],
    ['Source', article.source.path],
  ];
  const a = article.annotations;
  return `<p><a href="${story ? `/stories/${encodeURIComponent(story)}` : '/'}">\u2190 ${story ? 'story' : 'stories'}</a></p>
<h1>${escapeHtml(m.title ?? article.id)}</h1>
<table class="list" aria-label="Metadata">${rows
    .filter(([, v]) => v)
    .map(
      ([k, v]) =>
        `<tr><th scope="row">${k}</th><td>${k === 'URL' ? `<a rel="noopener noreferrer nofollow" href="${safeHref(v)}">${escapeHtml(v!)}</a>` : escapeHtml(v!)}</td></tr>`,
    )
    .join(
      '',
    )}<tr><th scope="row">Flags</th><td class="flags">${escapeHtml(article.flags.join(', ') || 'none')}</td></tr>
<tr><th scope="row">Layers</th><td>${a.sentences.length} sentences, ${a.entities.length} entities, ${a.quotes.length} quotes, ${a.quantities.length} quantities, ${a.dates.length} dates</td></tr></table>
<div class="toggles"><label><input type="checkbox" data-toggle="show-removed" data-target="#art"> show text removed by cleaning (${article.removed.length})</label></div>
<div id="art"><article class="source"><div class="text">${markedText(article.text, articleMarks(view, article, []))}</div>
<div class="removed"><ul>${article.removed.map((r) => `<li><em>${escapeHtml(r.reason)}</em>: ${escapeHtml(r.text)}</li>`).join('')}</ul></div></article></div>`;
}
