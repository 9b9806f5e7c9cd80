/**
 * Quote alignment: the instances of one statement across outlets, direct or paraphrased, grouped by
 * IDF-weighted containment of content words, a compatible speaker and the same occasion. Each group gets a
 * canonical wording (the direct wording closest to all the others), each instance a word-level diff from
 * it, and a misquote flag where a direct quote changes words of substance.
 */
import {
  type Article,
  type DiffOp,
  type QuoteGroup,
  type QuoteInstance,
  quoteText,
  type StoryEntity,
} from '../model/index.ts';
import { insertedSubstance, wordDiff } from './diff.ts';
import { occasionOf, sameOccasion } from './occasion.ts';
import { outletOf } from './outlet.ts';
import { contentWords, type Idf, weightedContainment } from './words.ts';

const SAME_STATEMENT = 0.5;
// Words this close, in statements this long, are one statement even when outlets name different speakers:
// that is an attribution conflict to show, not two statements.
const SAME_WORDS = 0.85;
const LONG_ENOUGH = 6;

interface Candidate {
  instance: QuoteInstance;
  words: string[];
  speaker: string | null;
  occasion: number | null;
}

/** Maps `article:start` of every mention to the story entity holding it. */
export function storyEntityIndex(entities: StoryEntity[]): Map<string, StoryEntity> {
  const index = new Map<string, StoryEntity>();
  for (const e of entities) for (const m of e.mentions) index.set(`${m.article}:${m.start}`, e);
  return index;
}

function candidates(articles: Article[], entities: StoryEntity[]): Candidate[] {
  const index = storyEntityIndex(entities);
  const out: Candidate[] = [];
  for (const article of articles) {
    const byId = new Map(article.annotations.entities.map((e) => [e.id, e]));
    for (const q of article.annotations.quotes) {
      const entity = q.speakerEntity ? byId.get(q.speakerEntity) : undefined;
      const storyEntity =
        entity?.mentions.map((m) => index.get(`${article.id}:${m.start}`)).find(Boolean) ??
        (q.speaker ? index.get(`${article.id}:${q.speaker.start}`) : undefined);
      // A split quote's words without the "she said" between its pieces.
      const text = quoteText(article.text, q);
      out.push({
        instance: {
          article: article.id,
          start: q.content.start,
          end: q.content.end,
          ...(q.parts ? { parts: q.parts } : {}),
          text,
          direct: q.direct,
          outlet: outletOf(article),
          speaker: q.speaker
            ? { article: article.id, ...q.speaker, text: article.text.slice(q.speaker.start, q.speaker.end) }
            : null,
        },
        words: contentWords(text),
        speaker: storyEntity?.id ?? null,
        occasion: occasionOf(article, q.content),
      });
    }
  }
  return out;
}

function canonicalOf(members: Candidate[], idf: Idf): Candidate {
  const direct = members.filter((m) => m.instance.direct);
  const pool = direct.length ? direct : members;
  let best = pool[0]!;
  let bestScore = -1;
  for (const c of pool) {
    const score =
      pool.reduce((s, o) => s + (o === c ? 0 : weightedContainment(c.words, o.words, idf)), 0) +
      c.words.length * 1e-3;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The speakers the members name (unattributed ones left out), most-named first, with their outlets. */
function attributionsOf(members: Candidate[]): { speaker: string; outlets: string[] }[] {
  const bySpeaker = new Map<string, Set<string>>();
  for (const m of members) {
    if (!m.speaker) continue;
    const outlets = bySpeaker.get(m.speaker) ?? new Set<string>();
    outlets.add(m.instance.outlet ?? m.instance.article);
    bySpeaker.set(m.speaker, outlets);
  }
  return [...bySpeaker]
    .map(([speaker, outlets]) => ({ speaker, outlets: [...outlets] }))
    .sort((a, b) => b.outlets.length - a.outlets.length || a.speaker.localeCompare(b.speaker));
}

function allSameOccasion(occasions: Set<number | null>, occasion: number | null): boolean {
  for (const other of occasions) if (!sameOccasion(other, occasion)) return false;
  return true;
}

export function alignQuotes(articles: Article[], entities: StoryEntity[], idf: Idf): QuoteGroup[] {
  // Outlets repeat a wording many times over: a group keeps each distinct wording once, with the articles
  // that use it, and each distinct occasion once, so that a new quote is compared with those only.
  const groups: {
    members: Candidate[];
    speaker: string | null;
    wordings: Map<string, { words: string[]; articles: Set<string> }>;
    occasions: Set<number | null>;
  }[] = [];
  // Only groups sharing a word with a quote can contain it (containment is zero otherwise): an index from
  // words to groups keeps a big story's alignment from comparing every quote with every group. Groups
  // are still visited in creation order, so ties go where they went without the index.
  const groupsOf = new Map<string, number[]>();
  let seen = new Uint32Array(64);
  let found = new Int32Array(64);
  let stamp = 0;
  for (const c of candidates(articles, entities)) {
    if (c.words.length === 0) continue;
    if (seen.length < groups.length) {
      seen = new Uint32Array(groups.length * 2);
      found = new Int32Array(groups.length * 2);
    }
    stamp++;
    let count = 0;
    for (const w of c.words) {
      const list = groupsOf.get(w);
      if (list)
        for (const index of list)
          if (seen[index] !== stamp) {
            seen[index] = stamp;
            found[count++] = index;
          }
    }
    // In creation order: a typed array sorts numerically, in place.
    const sharing = found.subarray(0, count).sort();
    let best = -1;
    let bestScore = SAME_STATEMENT;
    for (const index of sharing) {
      const g = groups[index]!;
      if (!allSameOccasion(g.occasions, c.occasion)) continue;
      let score = 0;
      for (const { words, articles } of g.wordings.values())
        if (articles.size > 1 || !articles.has(c.instance.article))
          score = Math.max(score, weightedContainment(words, c.words, idf));
      const otherSpeaker = c.speaker && g.speaker && c.speaker !== g.speaker;
      if (otherSpeaker && (score < SAME_WORDS || c.words.length < LONG_ENOUGH)) continue;
      if (score >= bestScore) {
        best = index;
        bestScore = score;
      }
    }
    if (best < 0) {
      best = groups.length;
      groups.push({ members: [], speaker: c.speaker, wordings: new Map(), occasions: new Set() });
    }
    const group = groups[best]!;
    group.members.push(c);
    group.speaker ??= c.speaker;
    group.occasions.add(c.occasion);
    const wording = group.wordings.get(c.instance.text);
    if (wording) wording.articles.add(c.instance.article);
    else group.wordings.set(c.instance.text, { words: c.words, articles: new Set([c.instance.article]) });
    // A word repeated in the quote finds the group listed already.
    for (const w of c.words) {
      const list = groupsOf.get(w);
      if (!list) groupsOf.set(w, [best]);
      else if (!list.includes(best)) list.push(best);
    }
  }
  const nameOf = new Map(entities.map((e) => [e.id, e.name]));
  return groups.map((g, i) => {
    const canonical = canonicalOf(g.members, idf);
    const directCount = g.members.filter((m) => m.instance.direct).length;
    // Outlets mostly repeat one wording: each distinct wording is diffed once.
    const diffs = new Map<string, DiffOp[]>([[canonical.instance.text, []]]);
    const instances = g.members.map((m) => {
      let diff = diffs.get(m.instance.text);
      if (!diff) {
        diff = wordDiff(canonical.instance.text, m.instance.text);
        diffs.set(m.instance.text, diff);
      }
      const misquote =
        m !== canonical && m.instance.direct && directCount > 1 && insertedSubstance(diff).length > 0;
      // Most instances repeat the canonical wording: their diff (the whole text again) is left out.
      const same = diff.every((d) => d.op === 'equal');
      return { ...m.instance, ...(same ? {} : { diff }), ...(misquote ? { misquote } : {}) };
    });
    const attributions = attributionsOf(g.members);
    const speaker = attributions.length > 1 ? attributions[0]!.speaker : g.speaker;
    return {
      id: `q${i + 1}`,
      speaker,
      speakerName: speaker ? (nameOf.get(speaker) ?? null) : null,
      canonical: canonical.instance.text,
      instances,
      ...(attributions.length > 1
        ? {
            attributionConflict: attributions.map((a) => ({
              ...a,
              speakerName: a.speaker ? (nameOf.get(a.speaker) ?? null) : null,
            })),
          }
        : {}),
    };
  });
}
