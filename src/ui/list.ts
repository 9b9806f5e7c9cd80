/** The story list: search, filters by outlet and date, and per-story counts. */
import type { StorySummaryRow } from '../store/index.ts';
import { escapeHtml } from './html.ts';

export interface ListFilters {
  q?: string;
  outlet?: string;
  since?: string;
  offset: number;
  limit: number;
}

function query(filters: ListFilters, offset: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.outlet) params.set('outlet', filters.outlet);
  if (filters.since) params.set('since', filters.since);
  if (offset) params.set('offset', String(offset));
  const s = params.toString();
  return s ? `/?${s}` : '/';
}

export function storyListBody(
  rows: StorySummaryRow[],
  total: number,
  filters: ListFilters,
  outlets: string[],
): string {
  const options = outlets
    .map((o) => `<option${o === filters.outlet ? ' selected' : ''}>${escapeHtml(o)}</option>`)
    .join('');
  const form = `<form class="filters" method="get" action="/" role="search">
<label>Search<input type="search" name="q" value="${escapeHtml(filters.q ?? '')}" placeholder="words, names, places"></label>
<label>Outlet<select name="outlet"><option value="">any</option>${options}</select></label>
<label>Since<input type="date" name="since" value="${escapeHtml(filters.since ?? '')}"></label>
<button type="submit">Filter</button></form>`;
  const table = rows.length
    ? `<table class="list" aria-label="Stories"><thead><tr><th scope="col">Story</th><th scope="col">Articles</th><th scope="col">Outlets</th><th scope="col">Conflicts</th><th scope="col">Latest</th></tr></thead><tbody>${rows
        .map(
          (r) =>
            `<tr><td><a href="/stories/${encodeURIComponent(r.id)}">${escapeHtml(r.title || r.id)}</a></td><td class="n">${r.articleCount}</td><td class="n">${r.outletCount}</td><td class="n">${r.conflictCount ? `<strong class="flags">${r.conflictCount}</strong>` : '0'}</td><td>${escapeHtml((r.lastPublished ?? r.updatedAt).slice(0, 10))}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No stories match.</p>';
  const pager = [
    filters.offset > 0
      ? `<a rel="prev" href="${escapeHtml(query(filters, Math.max(filters.offset - filters.limit, 0)))}">\u2190 newer</a>`
      : '',
    filters.offset + rows.length < total
      ? `<a rel="next" href="${escapeHtml(query(filters, filters.offset + filters.limit))}">older \u2192</a>`
      : '',
  ].join(' ');
  return `<h1>Stories</h1>${form}<p class="meta">${total} stories${filters.q ? ` matching \u201c${escapeHtml(filters.q)}\u201d` : ''}</p>${table}<p>${pager}</p>`;
}
