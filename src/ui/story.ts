/**
 * The story view, shared by the server's story page and the static report: cited summary, conflicts,
 * quote groups with word diffs, the coverage heatmap, copy lineage, timeline, entities, and the sources
 * side by side with their highlights.
 */
import { type Article, type Cite, type DiffOp, quoteParts, type Story } from '../model/index.ts';
import { conflicts, copyPairs, formatDate, type ReportView, storyOutlets } from '../report/view.ts';
import { lineageGraph, timelineChart } from './charts.ts';
import { escapeHtml, type Mark, markedText, safeHref } from './html.ts';

export function citeKey(view: ReportView, c: { article: string; start: number; end: number }): string {
  return `${view.indexOf(c.article)}-${c.start}-${c.end}`;
}

/** One chip per cited outlet; hovering or focusing it lights up every span it cites in that outlet. */
export function citeLinks(view: ReportView, cites: Cite[]): string {
  const byArticle = new Map<string, Cite[]>();
  for (const c of cites) byArticle.set(c.article, [...(byArticle.get(c.article) ?? []), c]);
  return [...byArticle]
    .map(([article, list]) => {
      const keys = list.map((c) => citeKey(view, c)).join(' ');
      return `<a class="cite" href="#c-${escapeHtml(citeKey(view, list[0]!))}" data-k="${escapeHtml(keys)}" title="${escapeHtml(
        list
          .map((c) => c.text ?? '')
          .join(' \u2026 ')
          .slice(0, 300),
      )}">${escapeHtml(view.outletOf(article))}</a>`;
    })
    .join('');
}

function diffHtml(ops: DiffOp[] | undefined, fallback: string): string {
  if (!ops?.length) return escapeHtml(fallback);
  return ops
    .map((d) =>
      d.op === 'insert'
        ? `<ins>${escapeHtml(d.text)}</ins>`
        : d.op === 'delete'
          ? `<del>${escapeHtml(d.text)}</del>`
          : escapeHtml(d.text),
    )
    .join('');
}

export function allCites(story: Story): Cite[] {
  return [
    ...story.summary.flatMap((x) => x.sources),
    ...story.timeline.flatMap((x) => x.sources),
    ...story.facts.flatMap((f) => f.values),
    ...story.quotes.flatMap((q) => q.instances),
  ];
}

export function articleMarks(view: ReportView, article: Article, cited: Cite[]): Mark[] {
  const a = article.annotations;
  return [
    ...a.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, cls: `ent ent-${e.type}` }))),
    // A split quote is marked piece by piece: the "she said" between them is the narrator's.
    ...a.quotes.flatMap((q) =>
      quoteParts(q).map((p) => ({ start: p.start, end: p.end, cls: q.direct ? 'quote' : 'quote indirect' })),
    ),
    ...a.quantities.map((q) => ({ start: q.start, end: q.end, cls: 'num' })),
    ...a.dates.map((d) => ({ start: d.start, end: d.end, cls: 'date' })),
    ...cited
      .filter((c) => c.article === article.id)
      .map((c) => ({ start: c.start, end: c.end, cls: 'cited', key: citeKey(view, c) })),
  ];
}

export function sourceCard(view: ReportView, article: Article, cited: Cite[], link: boolean): string {
  const meta = [article.meta.outlet, article.meta.byline, formatDate(article.meta.published)]
    .filter(Boolean)
    .join(' \u00b7 ');
  const removed = article.removed.length
    ? `<div class="removed"><strong>Removed by cleaning (${article.removed.length})</strong><ul>${article.removed.map((r) => `<li><em>${escapeHtml(r.reason)}</em>: ${escapeHtml(r.text.slice(0, 400))}</li>`).join('')}</ul></div>`
    : '';
  const title = escapeHtml(article.meta.title ?? article.id);
  return `<article class="source" id="article-${escapeHtml(article.id)}" aria-label="${escapeHtml(view.outletOf(article.id))}">
<h4>${link ? `<a href="/articles/${encodeURIComponent(article.id)}">${title}</a>` : title}</h4>
<p class="meta">${escapeHtml(meta)}${article.flags.length ? ` <span class="flags">${escapeHtml(article.flags.join(', '))}</span>` : ''}${safeHref(article.meta.url) !== '#' ? ` \u00b7 <a rel="noopener noreferrer nofollow" href="${safeHref(article.meta.url)}">original</a>` : ''}</p>
<div class="text">${markedText(article.text, articleMarks(view, article, cited))}</div>${removed}</article>`;
}

function coverageHeatmap(story: Story): string {
  const cov = story.coverage;
  if (!cov || cov.rows.length === 0) return '';
  const rows = cov.rows
    .map((r) => {
      const cells = cov.outlets
        .map((o) => {
          const on = r.outlets.includes(o);
          const omitted = !on && (r.omittedBy ?? []).includes(o);
          const cls = on ? (r.unique ? 'on only' : 'on') : omitted ? 'off omitted' : 'off';
          const label = on ? (r.unique ? 'only this outlet' : 'reports') : omitted ? 'omits' : 'absent';
          return `<td class="${cls}" title="${escapeHtml(`${o}: ${label}`)}">${on ? '\u25cf' : ''}<span class="skip">${label}</span></td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(r.kind === 'fact' ? '\u2116 ' : '\u201c ')}${escapeHtml(r.label)}</th>${cells}</tr>`;
    })
    .join('');
  return `<h3 id="coverage">Coverage</h3><p class="meta">Facts and quotes against outlets. Purple: only one outlet reports it; pink: an outlet omits what most others report.</p><div class="scroll"><table class="matrix" aria-label="Coverage matrix"><thead><tr><th></th>${cov.outlets.map((o) => `<th scope="col">${escapeHtml(o)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function storyBody(
  view: ReportView,
  story: Story,
  options: { linkArticles: boolean; heading?: 'h1' | 'h2' },
): string {
  const h = options.heading ?? 'h2';
  const outlets = storyOutlets(view, story);
  const articles = story.articles.map((id) => view.byId.get(id)).filter((a): a is Article => !!a);
  const cited = allCites(story);
  const parts: string[] = [
    `<section class="story" id="story-${escapeHtml(story.id)}"><${h}>${escapeHtml(story.title || story.id)}</${h}>`,
  ];
  const contested = conflicts(story);
  parts.push(
    `<p class="meta">${story.articles.length} articles from ${outlets.length} outlets (${escapeHtml(outlets.join(', '))}) \u00b7 ${contested.length} conflicts \u00b7 ${story.quotes.length} statements \u00b7 ${story.facts.length} figures</p>`,
  );
  if (story.summary.length)
    parts.push(
      `<h3>Summary</h3><ul class="summary">${story.summary.map((s) => `<li>${escapeHtml(s.text)} ${citeLinks(view, s.sources)}</li>`).join('')}</ul>`,
    );
  parts.push(
    `<div class="panel conflicts" id="conflicts"><h3>Conflicts</h3>${
      contested.length
        ? `<ul>${contested
            .map(
              (f) =>
                `<li><b>${escapeHtml(f.measure)}</b>: ${(f.sides ?? []).map((s) => `<span class="side">${escapeHtml(s.outlets.join(', '))}</span>`).join(' vs ')}<br>${f.values.map((v) => `\u201c${escapeHtml(v.text)}\u201d ${citeLinks(view, [v])}`).join(' \u00b7 ')}</li>`,
            )
            .join('')}</ul>`
        : '<p class="meta">No figures that cannot all be true.</p>'
    }</div>`,
  );
  const shared = story.quotes.filter((q) => q.instances.length > 1);
  if (story.quotes.length) {
    parts.push(
      `<h3 id="quotes">Quotes</h3><p class="meta">${shared.length} statements reported by more than one outlet; word-level differences from the canonical wording are marked.</p>`,
    );
    for (const q of [...shared, ...story.quotes.filter((x) => x.instances.length === 1)]) {
      parts.push(
        `<div class="qgroup"><p><b>${escapeHtml(q.speakerName ?? 'Unattributed')}</b>: \u201c${escapeHtml(q.canonical)}\u201d</p>${
          q.attributionConflict
            ? `<p class="attribution-conflict"><span class="badge">attributed differently</span> ${q.attributionConflict
                .map((a) => `${escapeHtml(a.speakerName ?? 'unknown')} (${escapeHtml(a.outlets.join(', '))})`)
                .join(' against ')}</p>`
            : ''
        }<ul>`,
      );
      for (const i of q.instances)
        parts.push(
          `<li${i.misquote ? ' class="misquote"' : ''}>${citeLinks(view, [i])} ${i.direct ? '' : '<em>(paraphrase)</em> '}${diffHtml(i.diff, i.text)}${i.misquote ? ' <span class="badge">differs in substance</span>' : ''}</li>`,
        );
      parts.push('</ul></div>');
    }
  }
  parts.push(coverageHeatmap(story));
  const lineage = copyPairs(view).filter(
    (p) => story.articles.includes(p.copy) || story.articles.includes(p.original),
  );
  if (lineage.length)
    parts.push(
      `<h3 id="lineage">Copies</h3>${lineageGraph(lineage.map((p) => ({ ...p, originalLabel: `${p.originalOutlet}`, copyLabel: `${p.copyOutlet}` })))}<ul>${lineage.map((p) => `<li><a href="#article-${escapeHtml(p.copy)}">${escapeHtml(p.copyOutlet)}</a> copies <a href="#article-${escapeHtml(p.original)}">${escapeHtml(p.originalOutlet)}</a> (${escapeHtml(p.kind)}, similarity ${p.similarity.toFixed(2)})</li>`).join('')}</ul>`,
    );
  if (story.timeline.length)
    parts.push(
      `<h3 id="timeline">Timeline</h3>${timelineChart(story.timeline)}<ol class="timeline">${story.timeline.map((t) => `<li><time>${escapeHtml(formatDate(t.date))}</time> ${escapeHtml(t.text)} ${citeLinks(view, t.sources)}</li>`).join('')}</ol>`,
    );
  const named = story.entities
    .filter((e) => e.type !== 'other')
    .sort((a, b) => b.mentions.length - a.mentions.length);
  if (named.length)
    parts.push(
      `<h3 id="entities">Entities</h3><p class="entities">${named
        .slice(0, 40)
        .map(
          (e) =>
            `<span class="ent ent-${e.type}" title="${escapeHtml([e.name, ...e.aliases].join(' = '))}">${escapeHtml(e.name)}</span> <small>${e.type}, ${e.mentions.length} mentions${e.aliases.length ? `; also ${escapeHtml(e.aliases.slice(0, 4).join(', '))}` : ''}</small>`,
        )
        .join(' \u00b7 ')}</p>`,
    );
  const sid = escapeHtml(story.id);
  parts.push(
    `<h3 id="sources">Sources side by side</h3><div class="toggles" role="group" aria-label="Highlights"><label><input type="checkbox" data-toggle="hide-ent" data-invert="1" data-target="#src-${sid}" checked> entities</label><label><input type="checkbox" data-toggle="hide-quote" data-invert="1" data-target="#src-${sid}" checked> quotes</label><label><input type="checkbox" data-toggle="hide-num" data-invert="1" data-target="#src-${sid}" checked> numbers</label><label><input type="checkbox" data-toggle="show-removed" data-target="#src-${sid}"> text removed by cleaning</label></div><div class="sources" id="src-${sid}">${articles.map((a) => sourceCard(view, a, cited, options.linkArticles)).join('')}</div></section>`,
  );
  return parts.join('\n');
}
