/** The terminal report: readable in 80 columns, coloured when the output is a terminal. */
import { styleText } from 'node:util';
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

type Style = Parameters<typeof styleText>[0];

export function renderText(analysis: Analysis, options: { color?: boolean } = {}): string {
  const paint = (style: Style, s: string) => (options.color ? styleText(style, s) : s);
  const view = makeView(analysis);
  const lines: string[] = [];
  const out = (s = '') => lines.push(s);
  const { articles, stories, duplicates, problems } = analysis;
  out(
    paint(
      'bold',
      `Corroborate: ${articles.length} articles, ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}, ${duplicates.length} copy ${duplicates.length === 1 ? 'pair' : 'pairs'}`,
    ),
  );
  for (const story of stories) {
    out();
    const outlets = storyOutlets(view, story);
    out(paint(['bold', 'cyan'], `\u25a0 ${story.title || story.id}`));
    out(
      paint(
        'dim',
        `  ${story.articles.length} articles from ${outlets.length} outlets: ${outlets.join(', ')}`,
      ),
    );
    if (story.summary.length) {
      out(paint('bold', '  Summary'));
      for (const s of story.summary)
        out(`  \u2022 ${s.text} ${paint('dim', `[${citeLabels(view, s.sources).join('; ')}]`)}`);
    }
    const contested = conflicts(story);
    if (contested.length) {
      out(paint(['bold', 'red'], '  Conflicts'));
      for (const f of contested) out(`  ${paint('red', '!')} ${f.measure}: ${describeFact(view, f)}`);
    }
    const agreed = story.facts.filter((f) => f.status === 'agree');
    if (agreed.length) {
      out(paint('bold', '  Agreed figures'));
      for (const f of agreed) out(`  \u2713 ${f.measure}: ${describeFact(view, f)}`);
    }
    const shared = story.quotes.filter((q) => new Set(q.instances.map((i) => i.article)).size > 1);
    if (shared.length) {
      out(paint('bold', '  Quotes reported by several outlets'));
      for (const q of shared) {
        out(`  ${q.speakerName ?? 'Unattributed'}: \u201c${q.canonical}\u201d`);
        if (q.attributionConflict)
          out(
            paint(
              'red',
              `    ! attributed differently: ${q.attributionConflict.map((a) => `${a.speakerName ?? 'unknown'} (${a.outlets.join(', ')})`).join(' against ')}`,
            ),
          );
        for (const i of q.instances) {
          const variant = (i.diff ?? [])
            .map((d) =>
              d.op === 'insert'
                ? paint('green', `{+${d.text}+}`)
                : d.op === 'delete'
                  ? paint('red', `[-${d.text}-]`)
                  : d.text,
            )
            .join('');
          const tag = `${i.outlet ?? i.article}${i.direct ? '' : ', paraphrase'}${i.misquote ? ', MISQUOTE?' : ''}`;
          out(
            `    ${paint('dim', `${tag}:`)} ${i.diff?.some((d) => d.op !== 'equal') ? variant : paint('dim', '(same wording)')}`,
          );
        }
      }
    }
    if (story.timeline.length) {
      out(paint('bold', '  Timeline'));
      for (const t of story.timeline)
        out(
          `  ${formatDate(t.date).padEnd(10)} ${t.text} ${paint('dim', `[${citeLabels(view, t.sources).join('; ')}]`)}`,
        );
    }
    const people = story.entities
      .filter((e) => e.type !== 'other')
      .sort((a, b) => b.mentions.length - a.mentions.length)
      .slice(0, 8);
    if (people.length)
      out(
        `  ${paint('bold', 'Who and where:')} ${people.map((e) => `${e.name} (${e.type}, ${e.mentions.length})`).join('; ')}`,
      );
  }
  const pairs = copyPairs(view);
  if (pairs.length) {
    out();
    out(paint('bold', 'Copies'));
    for (const p of pairs)
      out(
        `  ${p.copyOutlet} (${p.copy}) copies ${p.originalOutlet} (${p.original}): ${p.kind}, similarity ${p.similarity.toFixed(2)}`,
      );
  }
  if (problems.length) {
    out();
    out(paint(['bold', 'yellow'], 'Inputs skipped'));
    for (const p of problems) out(`  ${p.input}: ${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}
