/**
 * People, organisations and places, with every mention a span and every variant merged: "Deputy Foreign
 * Minister Amara Okafor", "Okafor", "Okafor's" and "the minister" are one person (with the role
 * "Deputy Foreign Minister"); "North Atlantic Treaty Organization" and "NATO" one organisation; "Kiev"
 * and "Kyiv" one place (through the gazetteer). Candidates are runs of capitalised words; their type
 * comes from titles, organisation words, the gazetteer and the words around them, and then from the
 * whole document: a name typed once is typed the same everywhere.
 */
import type { Article, Entity, EntityType, Span, StoryEntity } from '../model/index.ts';
import { gazetteer } from './entities/gazetteer.ts';
import {
  COMPANY_ABBREVIATIONS,
  DESCRIPTIONS,
  NOT_NAMES,
  NOT_NAMES_EXTRA,
  ORG_PREFIXES,
  ORG_WORDS,
  PERSON_CUE_AFTER,
  PLACE_CUE_BEFORE,
  PLACE_WORDS,
  TEAM_CUE_AFTER,
  TEAM_CUE_BEFORE,
  TITLES,
} from './entities/lexicon.ts';

for (const w of NOT_NAMES_EXTRA) NOT_NAMES.add(w);

const PLACE_PREFIXES = new Set('port mount mt lake fort cape point glen loch isle lac'.split(' '));

const PARTY_WORDS = new Set(
  'republican democrat democratic conservative labour labor liberal socialist independent green tory'.split(
    ' ',
  ),
);

// A name word: a capitalised word, an all-caps acronym, or initials ("U.S.", "F."); runs of them, with
// the lowercase joiners names use ("Federation of Labour Unions", "Palais des Nations").
const WORD = String.raw`(?:(?:[A-Z]\.)+|(?:Corp|Inc|Co|Ltd|Bros|Cos|Plc|Intl)\.|[A-Z][\p{L}'’-]*|[A-Z]{2,})`;
const CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${WORD}(?:(?:\s+(?:of|the|for|and|de|des|du|la|le|van|von|der|al|bin|da|di)(?=\s+[A-Z]))?\s+${WORD})*`,
  'gu',
);

interface Mention extends Span {
  surface: string;
  role?: string;
  type: EntityType | null;
  evidence: number;
}

function isSentenceStart(text: string, pos: number): boolean {
  const before = text.slice(Math.max(0, pos - 4), pos);
  return (
    pos === 0 || /(^|[.!?:"“”'\n]\s*|\n\s*|^\s*[-—–]\s*)$/.test(before) || /[.!?]["”']?\s+$/.test(before)
  );
}

function typeOf(
  words: string[],
  text: string,
  span: Span,
  hasTitle: boolean,
): { type: EntityType | null; evidence: number } {
  const surface = words.join(' ');
  const last = words[words.length - 1]!.toLowerCase().replace(/[.]$/, '');
  const { places, demonyms } = gazetteer();
  if (hasTitle) return { type: 'person', evidence: 3 };
  if (ORG_PREFIXES.test(surface) || (words.length > 1 && ORG_WORDS.has(last)))
    return { type: 'organization', evidence: 3 };
  if (places.has(surface.toLowerCase())) return { type: 'place', evidence: 2 };
  if (words.length > 1 && PLACE_WORDS.has(last)) return { type: 'place', evidence: 2 };
  // "Port Sella", "Mount Kerin", "Lake Orda", "Fort Ashby": a place word in front names a place too.
  if (words.length > 1 && words.length <= 3 && PLACE_PREFIXES.has(words[0]!.toLowerCase().replace(/\.$/, '')))
    return { type: 'place', evidence: 2 };
  if (demonyms.has(surface.toLowerCase())) return { type: 'other', evidence: 1 };
  const after = text.slice(span.end, span.end + 30);
  const before = text.slice(Math.max(0, span.start - 12), span.start);
  if (/^[A-Z]{2,6}$/.test(surface)) return { type: 'organization', evidence: 1 };
  // Only one-word names: "Pete Sampras 6-3" in a results line is a player, "Essex 340" a team.
  if (words.length === 1 && (TEAM_CUE_AFTER.test(after) || TEAM_CUE_BEFORE.test(before)))
    return { type: 'organization', evidence: 2 };
  if (PERSON_CUE_AFTER.test(after) && words.length <= 3) return { type: 'person', evidence: 2 };
  if (words.length >= 2 && words.length <= 3 && words.every((w) => /^[A-Z][a-z'’-]+$/.test(w)))
    return { type: 'person', evidence: 1 };
  if (PLACE_CUE_BEFORE.test(before) && words.length <= 2) return { type: 'place', evidence: 1 };
  return { type: null, evidence: 0 };
}

function candidates(article: Article): Mention[] {
  const text = article.text;
  const lowerWords = new Set(
    (text.match(/(?<![\p{L}])[a-z][\p{L}'’-]*/gu) ?? []).map((w) => w.toLowerCase()),
  );
  // Capitalised words seen inside sentences: a sentence-initial word is a name only if it is one elsewhere too.
  const midSentence = new Set<string>();
  for (const m of text.matchAll(/[^.!?"“\s]\s+([A-Z][\p{L}'’-]*)/gu)) midSentence.add(m[1]!);
  const out: Mention[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    let start = m.index;
    let surface = m[0];
    // "Republican Donald Trump and Democrat Hillary Clinton" is two people; "Procter and Gamble" one name.
    const and = /\s+and\s+/.exec(surface);
    if (and) {
      const left = surface.slice(0, and.index).split(/\s+/);
      const right = surface.slice(and.index + and[0].length).split(/\s+/);
      const lastWord = right[right.length - 1]!.toLowerCase().replace(/\.$/, '');
      if (left.length >= 2 && right.length >= 2 && !ORG_WORDS.has(lastWord) && !ORG_PREFIXES.test(surface)) {
        surface = surface.slice(0, and.index);
        CANDIDATE.lastIndex = m.index + and.index + and[0].length;
      }
    }
    // Possessives and trailing dots belong to the sentence, not the name.
    surface = surface
      .replace(/['’]s$/, '')
      .replace(/\.$/, (d) => (/\b[A-Z]\.$/.test(surface) || COMPANY_ABBREVIATIONS.test(surface) ? d : ''));
    let words = surface.split(/\s+/);
    // A leading article or a sentence-initial common word is not part of the name.
    while (
      words.length &&
      (NOT_NAMES.has(words[0]!.toLowerCase()) ||
        (words.length > 1 &&
          isSentenceStart(text, start) &&
          lowerWords.has(words[0]!.toLowerCase()) &&
          !TITLES.has(words[0]!.toLowerCase())))
    ) {
      start += words[0]!.length + 1;
      words = words.slice(1);
      while (words.length && /^(of|the|for|and)$/.test(words[0]!)) {
        start += words[0]!.length + 1;
        words = words.slice(1);
      }
    }
    // "Shares of Johnson Controls": a sentence-initial word joined by "of" is the sentence's, unless the
    // whole is an organisation's name ("Bank of England").
    if (
      words.length > 2 &&
      words[1] === 'of' &&
      isSentenceStart(text, start) &&
      !ORG_PREFIXES.test(words.join(' '))
    ) {
      start += words[0]!.length + words[1]!.length + 2;
      words = words.slice(2);
    }
    while (
      words.length &&
      (NOT_NAMES.has(words[words.length - 1]!.toLowerCase()) ||
        /^(of|the|for|and|de|des|du|la|le|van|von|der|al|bin|da|di)$/.test(words[words.length - 1]!))
    )
      words.pop();
    if (!words.length) continue;
    // Title words in front ("Foreign Minister Amara Okafor") are the person's role.
    let role: string | undefined;
    let t = 0;
    while (
      t < words.length - 1 &&
      (TITLES.has(words[t]!.toLowerCase().replace(/\.$/, '')) ||
        (t > 0 &&
          /^[A-Z][a-z]+(n|an|ian|ese|ish|i)$/.test(words[t - 1]!) &&
          TITLES.has(words[t]!.toLowerCase())))
    )
      t++;
    // A party before a full name ("Republican Donald Trump") describes the person, like a title.
    if (
      t === 0 &&
      words.length >= 3 &&
      PARTY_WORDS.has(words[0]!.toLowerCase()) &&
      !ORG_WORDS.has(words[words.length - 1]!.toLowerCase())
    )
      t = 1;
    // A demonym or country before a title ("Valdorian Foreign Minister", "Kestrel Foreign Minister") is part of the role.
    if (t === 0 && words.length > 2 && TITLES.has(words[1]!.toLowerCase())) {
      t = 1;
      while (t < words.length - 1 && TITLES.has(words[t]!.toLowerCase().replace(/\.$/, ''))) t++;
    }
    if (t > 0) {
      role = words.slice(0, t).join(' ');
      const skip = role.length + 1;
      start += skip;
      words = words.slice(t);
    }
    const name = words.join(' ');
    if (!name || name.length < 2 || TITLES.has(name.toLowerCase())) continue;
    if (words.length === 1 && isSentenceStart(text, start) && lowerWords.has(name.toLowerCase())) continue;
    if (
      words.length === 1 &&
      isSentenceStart(text, start) &&
      !midSentence.has(name) &&
      !PERSON_CUE_AFTER.test(text.slice(start + name.length, start + name.length + 30)) &&
      !TEAM_CUE_AFTER.test(text.slice(start + name.length, start + name.length + 30)) &&
      !gazetteer().places.has(name.toLowerCase())
    )
      continue;
    if (/^\d/.test(name)) continue;
    const span = { start, end: start + name.length };
    if (text.slice(span.start, span.end) !== name) continue;
    const { type, evidence } = typeOf(words, text, span, role !== undefined);
    out.push({ ...span, surface: name, ...(role ? { role } : {}), type, evidence });
  }
  return out;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

interface Cluster {
  name: string;
  type: EntityType | null;
  evidence: number;
  mentions: Mention[];
  roles: Set<string>;
}

/** Merges mentions of one thing: same name, surname of a person, acronym of an organisation, renamed place. */
function cluster(mentions: Mention[]): Cluster[] {
  const { places } = gazetteer();
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const canonical = (s: string) => places.get(s.toLowerCase()) ?? s;
  // Longer names first, so that "Okafor" finds "Amara Okafor".
  const ordered = [...mentions].sort(
    (a, b) => b.surface.split(' ').length - a.surface.split(' ').length || a.start - b.start,
  );
  for (const m of ordered) {
    const key = canonical(m.surface).toLowerCase();
    let c = byKey.get(key);
    if (!c && !m.surface.includes(' ')) {
      c = clusters.find(
        (x) =>
          ((x.type === 'person' || x.type === null) &&
            x.name.includes(' ') &&
            x.name.split(' ').pop()!.toLowerCase() === key) ||
          (/^[A-Z]{2,6}$/.test(m.surface) && x.name.includes(' ') && initials(x.name) === m.surface),
      );
    }
    if (!c) {
      c = { name: canonical(m.surface), type: null, evidence: 0, mentions: [], roles: new Set() };
      clusters.push(c);
    }
    byKey.set(key, c);
    c.mentions.push(m);
    if (m.role) c.roles.add(m.role);
    if (m.type && m.evidence > c.evidence) {
      c.type = m.type;
      c.evidence = m.evidence;
    }
    if (m.surface.length > c.name.length && canonical(m.surface) === m.surface && c.type !== 'place')
      c.name = m.surface;
  }
  // A bare surname typed by a cue ("Brandt said") that matches a person makes the whole cluster a person.
  for (const c of clusters) if (c.type === null && c.mentions.some((m) => m.role)) c.type = 'person';
  return clusters;
}

/** "the minister" → the latest person before it whose role has that word. */
function descriptionMentions(
  article: Article,
  people: { entity: Entity; roles: string[] }[],
): { id: string; span: Span }[] {
  const out: { id: string; span: Span }[] = [];
  const text = article.text;
  DESCRIPTIONS.lastIndex = 0;
  for (let m = DESCRIPTIONS.exec(text); m; m = DESCRIPTIONS.exec(text)) {
    const head = m[1]!.split(/\s+/).pop()!;
    const span = { start: m.index, end: m.index + m[0].length };
    let best: { id: string; at: number } | null = null;
    for (const p of people) {
      if (!p.roles.some((r) => r.toLowerCase().includes(head))) continue;
      for (const mention of p.entity.mentions)
        if (mention.end <= span.start && (!best || mention.start > best.at))
          best = { id: p.entity.id, at: mention.start };
    }
    if (best) out.push({ id: best.id, span });
  }
  return out;
}

export function findEntities(article: Article): Entity[] {
  const clusters = cluster(candidates(article)).filter((c) => c.mentions.length);
  const entities: Entity[] = clusters.map((c, i) => {
    const surfaces = [...new Set(c.mentions.map((m) => m.surface))];
    return {
      id: `e${i + 1}`,
      name: c.name,
      type: c.type ?? 'other',
      aliases: surfaces.filter((s) => s !== c.name),
      mentions: c.mentions.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start),
      ...(c.roles.size ? { roles: [...c.roles] } : {}),
    };
  });
  const people = entities
    .filter((e) => e.type === 'person')
    .map((entity) => ({ entity, roles: entity.roles ?? [] }));
  for (const d of descriptionMentions(article, people)) {
    const e = entities.find((x) => x.id === d.id)!;
    e.mentions.push(d.span);
    e.mentions.sort((a, b) => a.start - b.start);
    const alias = article.text.slice(d.span.start, d.span.end);
    if (!e.aliases.includes(alias)) e.aliases.push(alias);
  }
  return entities
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
    .map((e, i) => ({ ...e, id: `e${i + 1}` }));
}

/** One entity across a story's articles: same name, a person's surname, an organisation's acronym. */
export function linkStoryEntities(articles: Article[]): StoryEntity[] {
  const merged: StoryEntity[] = [];
  const find = (e: Entity) => {
    const name = e.name.toLowerCase();
    // A lone untyped word in one article ("Okafor flew on") is the surname of a person named in another.
    const lone = e.type === 'other' && !name.includes(' ');
    const surname = e.type === 'person' || lone ? name.split(' ').pop()! : null;
    return (
      merged.find((s) => s.name.toLowerCase() === name || s.aliases.some((a) => a.toLowerCase() === name)) ??
      merged.find(
        (s) =>
          ((s.type === 'person' && (e.type === 'person' || lone)) ||
            (s.type === 'other' && !s.name.includes(' ') && e.type === 'person')) &&
          surname &&
          s.name.toLowerCase().split(' ').pop() === surname &&
          (s.name.includes(' ') || e.name.includes(' ')),
      ) ??
      merged.find(
        (s) => s.type === 'organization' && (initials(s.name) === e.name || initials(e.name) === s.name),
      )
    );
  };
  for (const article of articles)
    for (const e of article.annotations.entities) {
      let s = find(e);
      if (!s) {
        s = { id: `E${merged.length + 1}`, name: e.name, type: e.type, aliases: [], mentions: [] };
        merged.push(s);
      }
      if (e.name.length > s.name.length && e.type === 'person') {
        if (!s.aliases.includes(s.name)) s.aliases.push(s.name);
        s.name = e.name;
      }
      if (s.type === 'other' && e.type !== 'other') s.type = e.type;
      for (const alias of [e.name, ...e.aliases])
        if (alias !== s.name && !s.aliases.includes(alias)) s.aliases.push(alias);
      if (e.roles?.length) s.roles = [...new Set([...(s.roles ?? []), ...e.roles])];
      for (const m of e.mentions)
        s.mentions.push({
          article: article.id,
          start: m.start,
          end: m.end,
          text: article.text.slice(m.start, m.end),
        });
    }
  return merged;
}
