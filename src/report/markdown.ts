/** The Markdown report, for pasting into notes, tickets and wikis. */
import type { Analysis } from '../pipeline/index.ts';
import {
  citeLabels,
  conflicts,
  copyPairs,
  describeFact,
  formatDate,
  makeView,
  storyOutlets,
} from './view.ts';

const md = (s: string) => s.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\n+/g, ' ');

export function renderMarkdown(analysis: Analysis): string {
  const view = makeView(analysis);
  const out: string[] = [
    '# Corroborate report',
    '',
    `${analysis.articles.length} articles, ${analysis.stories.length} stories, ${analysis.duplicates.length} copy pairs.`,
  ];
  for (const story of analysis.stories) {
    out.push(
      '',
      `## ${md(story.title || story.id)}`,
      '',
      `*${story.articles.length} articles from ${md(storyOutlets(view, story).join(', '))}*`,
    );
    if (story.summary.length) {
      out.push('', '### Summary', '');
      for (const s of story.summary)
        out.push(`- ${md(s.text)} _(${md(citeLabels(view, s.sources).join('; '))})_`);
    }
    const contested = conflicts(story);
    if (contested.length) {
      out.push('', '### Conflicts', '');
      for (const f of contested) out.push(`- **${md(f.measure)}**: ${md(describeFact(view, f))}`);
    }
    if (story.quotes.length) {
      out.push('', '### Quotes', '', '| Speaker | Quote | Outlets |', '|---|---|---|');
      for (const q of story.quotes)
        out.push(
          `| ${md(q.attributionConflict ? q.attributionConflict.map((a) => `${a.speakerName ?? 'unknown'} (${a.outlets.join(', ')})`).join(' or ') : (q.speakerName ?? 'unattributed'))} | ${md(q.canonical)} | ${md([...new Set(q.instances.map((i) => `${i.outlet ?? i.article}${i.misquote ? ' (misquote?)' : ''}`))].join(', '))} |`,
        );
    }
    if (story.timeline.length) {
      out.push('', '### Timeline', '');
      for (const t of story.timeline)
        out.push(
          `- **${formatDate(t.date)}** ${md(t.text)} _(${md(citeLabels(view, t.sources).join('; '))})_`,
        );
    }
  }
  const pairs = copyPairs(view);
  if (pairs.length) {
    out.push('', '## Copies', '');
    for (const p of pairs)
      out.push(
        `- ${md(p.copyOutlet)} copies ${md(p.originalOutlet)}: ${p.kind}, similarity ${p.similarity.toFixed(2)}`,
      );
  }
  if (analysis.problems.length) {
    out.push('', '## Inputs skipped', '');
    for (const p of analysis.problems) out.push(`- \`${p.input.replace(/`/g, "'")}\`: ${md(p.message)}`);
  }
  return `${out.join('\n')}\n`;
}
