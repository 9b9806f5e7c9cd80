/**
 * Quote alignment: the instances of one statement across outlets, direct or paraphrased, grouped by
 * content-word containment and a compatible speaker. Each group gets a canonical wording (the wording most
 * direct instances share), each instance a word-level diff from it, and a misquote flag where a direct
 * quote changes substantive words.
 */
import type { Article, QuoteGroup, QuoteInstance, StoryEntity } from '../model/index.ts';
import { substantiveChanges, wordDiff } from './diff.ts';
import { outletOf } from './outlet.ts';
import { containment, contentWords } from './words.ts';

const SAME_STATEMENT = 0.5;

interface Candidate {
  instance: QuoteInstance;
  words: string[];
  speaker: string | null;
}

/** Maps each article entity to the story entity holding one of its mentions. */
export function storyEntityIndex(entities: StoryEntity[]): Map<string, StoryEntity> {
  const index = new Map<string, StoryEntity>();
  for (const e of entities) for (const m of e.mentions) index.set(`${m.article}:${m.start}`, e);
  return index;
}

export function alignQuotes(articles: Article[], entities: StoryEntity[]): QuoteGroup[] {
  const index = storyEntityIndex(entities);
  const candidates: Candidate[] = [];
  for (const article of articles) {
    const byId = new Map(article.annotations.entities.map((e) => [e.id, e]));
    for (const q of article.annotations.quotes) {
      const entity = q.speakerEntity ? byId.get(q.speakerEntity) : undefined;
      const storyEntity = entity?.mentions.map((m) => index.get(`${article.id}:${m.start}`)).find(Boolean);
      const text = article.text.slice(q.content.start, q.content.end);
      candidates.push({
        instance: {
          article: article.id,
          start: q.content.start,
          end: q.content.end,
          text,
          direct: q.direct,
          outlet: outletOf(article),
          speaker: q.speaker
            ? { article: article.id, ...q.speaker, text: article.text.slice(q.speaker.start, q.speaker.end) }
            : null,
        },
        words: contentWords(text),
        speaker: storyEntity?.id ?? null,
      });
    }
  }
  const groups: { members: Candidate[]; speaker: string | null }[] = [];
  for (const c of candidates) {
    if (c.words.length === 0) continue;
    let best: (typeof groups)[number] | undefined;
    let bestScore = SAME_STATEMENT;
    for (const g of groups) {
      if (c.speaker && g.speaker && c.speaker !== g.speaker) continue;
      if (g.members.some((m) => m.instance.article === c.instance.article)) continue;
      const score = Math.max(...g.members.map((m) => containment(m.words, c.words)));
      if (score >= bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best) {
      best.members.push(c);
      best.speaker ??= c.speaker;
    } else groups.push({ members: [c], speaker: c.speaker });
  }
  const nameOf = new Map(entities.map((e) => [e.id, e.name]));
  return groups.map((g, i) => {
    const direct = g.members.filter((m) => m.instance.direct);
    const pool = direct.length ? direct : g.members;
    const canonical = pool.reduce((a, b) => (b.words.length > a.words.length ? b : a)).instance.text;
    const instances = g.members.map((m) => {
      const diff = wordDiff(canonical, m.instance.text);
      const misquote = m.instance.direct && direct.length > 1 && substantiveChanges(diff).length > 0;
      return { ...m.instance, diff, ...(misquote ? { misquote } : {}) };
    });
    return {
      id: `q${i + 1}`,
      speaker: g.speaker,
      speakerName: g.speaker ? (nameOf.get(g.speaker) ?? null) : null,
      canonical,
      instances,
    };
  });
}
