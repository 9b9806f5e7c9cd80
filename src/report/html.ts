/**
 * The self-contained HTML report: one file, no network, every piece of article text escaped. Citations
 * link to the cited spans, which are marked inside each article's text; hovering or focusing a citation
 * highlights them. Highlight layers (entities, quotes, numbers, dates) are computed as boundary segments
 * so that overlapping spans never produce broken markup.
 */

import type { Article, Cite, DiffOp, Story } from '../model/index.ts';
import type { Analysis } from '../pipeline/index.ts';
import {
  conflicts,
  copyPairs,
  describeFact,
  formatDate,
  makeView,
  type ReportView,
  storyOutlets,
} from './view.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const citeKey = (c: { article: string; start: number; end: number }, view: ReportView) =>
  `${[...view.byId.keys()].indexOf(c.article)}-${c.start}-${c.end}`;

interface Mark {
  start: number;
  end: number;
  cls: string;
  key?: string;
}

/** The article text with every mark applied, as escaped HTML. */
export function markedText(text: string, marks: Mark[]): string {
  const points = new Set<number>([0, text.length]);
  for (const m of marks) if (m.end > m.start) points.add(m.start).add(m.end);
  const sorted = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    const piece = escapeHtml(text.slice(from, to)).replace(/\n/g, '<br>');
    const covering = marks.filter((m) => m.start <= from && to <= m.end);
    if (!covering.length) {
      html += piece;
      continue;
    }
    const classes = [...new Set(covering.map((m) => m.cls))].join(' ');
    const keys = covering
      .filter((m) => m.key)
      .map((m) => m.key)
      .join(' ');
    const anchor = covering.find((m) => m.key && m.start === from);
    html += `<span class="${classes}"${keys ? ` data-c="${keys}"` : ''}${anchor ? ` id="c-${anchor.key}"` : ''}>${piece}</span>`;
  }
  return html;
}

function citeLinks(view: ReportView, cites: Cite[]): string {
  const seen = new Set<string>();
  return cites
    .filter((c) => !seen.has(c.article) && seen.add(c.article))
    .map(
      (c) =>
        `<a class="cite" href="#c-${citeKey(c, view)}" data-k="${cites
          .filter((x) => x.article === c.article)
          .map((x) => citeKey(x, view))
          .join(' ')}">${escapeHtml(view.outletOf(c.article))}</a>`,
    )
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

function articleMarks(article: Article, cited: Cite[], view: ReportView): Mark[] {
  const a = article.annotations;
  return [
    ...a.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, cls: `ent ent-${e.type}` }))),
    ...a.quotes.map((q) => ({ ...q.content, cls: q.direct ? 'quote' : 'quote indirect' })),
    ...a.quantities.map((q) => ({ start: q.start, end: q.end, cls: 'num' })),
    ...a.dates.map((d) => ({ start: d.start, end: d.end, cls: 'date' })),
    ...cited
      .filter((c) => c.article === article.id)
      .map((c) => ({ start: c.start, end: c.end, cls: 'cited', key: citeKey(c, view) })),
  ];
}

function storySection(view: ReportView, story: Story): string {
  const outlets = storyOutlets(view, story);
  const parts: string[] = [
    `<section class="story" id="story-${escapeHtml(story.id)}"><h2>${escapeHtml(story.title || story.id)}</h2>`,
  ];
  parts.push(
    `<p class="meta">${story.articles.length} articles from ${outlets.length} outlets: ${escapeHtml(outlets.join(', '))}</p>`,
  );
  if (story.summary.length)
    parts.push(
      `<h3>Summary</h3><ul class="summary">${story.summary.map((s) => `<li>${escapeHtml(s.text)} ${citeLinks(view, s.sources)}</li>`).join('')}</ul>`,
    );
  const contested = conflicts(story);
  if (contested.length)
    parts.push(
      `<div class="conflicts"><h3>Conflicts</h3><ul>${contested.map((f) => `<li><b>${escapeHtml(f.measure)}</b>: ${escapeHtml(describeFact(view, f))} ${citeLinks(view, f.values)}</li>`).join('')}</ul></div>`,
    );
  if (story.quotes.length) {
    parts.push('<h3>Quotes</h3>');
    for (const q of story.quotes) {
      parts.push(
        `<div class="qgroup"><p><b>${escapeHtml(q.speakerName ?? 'Unattributed')}</b>: \u201c${escapeHtml(q.canonical)}\u201d</p><ul>`,
      );
      for (const i of q.instances)
        parts.push(
          `<li${i.misquote ? ' class="misquote"' : ''}>${citeLinks(view, [i])} ${i.direct ? '' : '<em>(paraphrase)</em> '}${diffHtml(i.diff, i.text)}${i.misquote ? ' <strong>differs in substance</strong>' : ''}</li>`,
        );
      parts.push('</ul></div>');
    }
  }
  if (story.coverage?.rows.length) {
    const cov = story.coverage;
    parts.push(
      `<h3>Coverage</h3><div class="scroll"><table class="matrix"><thead><tr><th></th>${cov.outlets.map((o) => `<th>${escapeHtml(o)}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const r of cov.rows)
      parts.push(
        `<tr><th>${escapeHtml(r.label)}</th>${cov.outlets.map((o) => (r.outlets.includes(o) ? '<td class="on">\u25cf</td>' : '<td class="off"></td>')).join('')}</tr>`,
      );
    parts.push('</tbody></table></div>');
  }
  if (story.timeline.length)
    parts.push(
      `<h3>Timeline</h3><ol class="timeline">${story.timeline.map((t) => `<li><time>${escapeHtml(formatDate(t.date))}</time> ${escapeHtml(t.text)} ${citeLinks(view, t.sources)}</li>`).join('')}</ol>`,
    );
  const named = story.entities
    .filter((e) => e.type !== 'other')
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .slice(0, 20);
  if (named.length)
    parts.push(
      `<h3>Entities</h3><p class="entities">${named.map((e) => `<span class="ent ent-${e.type}">${escapeHtml(e.name)}</span> <small>${e.mentions.length}</small>`).join(' \u00b7 ')}</p>`,
    );
  parts.push('</section>');
  return parts.join('\n');
}

const CSS = `
body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafaf7}
main{max-width:72rem;margin:auto;padding:1rem 1.5rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{border-top:3px solid #333;padding-top:.6rem}
.meta{color:#666}.cite{display:inline-block;font-size:.75rem;background:#e8eef8;border-radius:.6rem;padding:0 .45rem;margin:0 .1rem;text-decoration:none;color:#234}
.cite:hover,.cite:focus{background:#234;color:#fff}
.conflicts{background:#fff1f0;border-left:4px solid #c0392b;padding:.2rem 1rem;margin:1rem 0}
.misquote{background:#fff4d6}ins{background:#d4f7d4;text-decoration:none}del{background:#ffd6d6}
.matrix{border-collapse:collapse;font-size:.85rem}.matrix th,.matrix td{border:1px solid #ddd;padding:.2rem .4rem}.matrix td.on{background:#2e6da4;color:#fff;text-align:center}
.scroll{overflow-x:auto}.timeline time{font-weight:600;margin-right:.5rem}
.articles{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1rem}
article{background:#fff;border:1px solid #ddd;border-radius:.4rem;padding:.8rem 1rem;font-size:.92rem}
article h3{margin:.2rem 0;font-size:1.05rem}
.ent-person{border-bottom:2px solid #8e44ad}.ent-organization{border-bottom:2px solid #16a085}.ent-place{border-bottom:2px solid #d35400}
.quote{background:#eef6ff}.num{background:#fff0b3;font-weight:600}.date{text-decoration:underline dotted}
.cited.hl,.cited:target{outline:2px solid #e67e22;background:#ffe0b2}
details{margin-top:.5rem;color:#666}.flags{color:#c0392b}
@media (max-width:600px){main{padding:.5rem}}
`;

const SCRIPT = `document.addEventListener('mouseover',h);document.addEventListener('focusin',h);
function h(e){var a=e.target.closest&&e.target.closest('a.cite');document.querySelectorAll('.hl').forEach(function(x){x.classList.remove('hl')});
if(!a)return;a.dataset.k.split(' ').forEach(function(k){document.querySelectorAll('[data-c~="'+k+'"]').forEach(function(x){x.classList.add('hl')})})}`;

export function renderHtml(analysis: Analysis): string {
  const view = makeView(analysis);
  const cited: Cite[] = analysis.stories.flatMap((s) => [
    ...s.summary.flatMap((x) => x.sources),
    ...s.timeline.flatMap((x) => x.sources),
    ...s.facts.flatMap((f) => f.values),
    ...s.quotes.flatMap((q) => q.instances),
  ]);
  const articles = analysis.articles
    .map((a) => {
      const removed = a.removed.length
        ? `<details><summary>${a.removed.length} removed by cleaning</summary><ul>${a.removed.map((r) => `<li><em>${escapeHtml(r.reason)}</em>: ${escapeHtml(r.text.slice(0, 300))}</li>`).join('')}</ul></details>`
        : '';
      return `<article id="article-${escapeHtml(a.id)}"><h3>${escapeHtml(a.meta.title ?? a.id)}</h3><p class="meta">${escapeHtml([a.meta.outlet, a.meta.byline, formatDate(a.meta.published)].filter(Boolean).join(' \u00b7 '))}${a.flags.length ? ` <span class="flags">${escapeHtml(a.flags.join(', '))}</span>` : ''}</p><div class="text">${markedText(a.text, articleMarks(a, cited, view))}</div>${removed}</article>`;
    })
    .join('\n');
  const pairs = copyPairs(view);
  const copies = pairs.length
    ? `<section><h2>Copies</h2><ul>${pairs.map((p) => `<li><a href="#article-${escapeHtml(p.copy)}">${escapeHtml(p.copyOutlet)}</a> copies <a href="#article-${escapeHtml(p.original)}">${escapeHtml(p.originalOutlet)}</a> (${p.kind}, ${p.similarity.toFixed(2)})</li>`).join('')}</ul></section>`
    : '';
  const problems = analysis.problems.length
    ? `<section><h2>Inputs skipped</h2><ul>${analysis.problems.map((p) => `<li><code>${escapeHtml(p.input)}</code>: ${escapeHtml(p.message)}</li>`).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Corroborate report</title><style>${CSS}</style></head>
<body><main><h1>Corroborate report</h1>
<p class="meta">${analysis.articles.length} articles, ${analysis.stories.length} stories, ${analysis.duplicates.length} copy pairs</p>
${analysis.stories.map((s) => storySection(view, s)).join('\n')}
${copies}
<section><h2>Articles</h2><div class="articles">${articles}</div></section>
${problems}
</main><script>${SCRIPT}</script></body></html>
`;
}
