/**
 * People, organisations and places, with every mention a span and every variant merged: "Deputy Foreign
 * Minister Amara Okafor", "Okafor", "Okafor's" and "the minister" are one person (with the role
 * "Deputy Foreign Minister"); "North Atlantic Treaty Organization" and "NATO" one organisation; "Kiev"
 * and "Kyiv" one place (through the gazetteer). Candidates are runs of capitalised words (in an all-caps
 * headline, the words that are names elsewhere in the document or in the name lists); their type comes
 * from titles, organisation words, the gazetteer, the name lists and the words around them (a name in a
 * score line is a team), and then from the whole document: a name typed once is typed the same everywhere.
 */
import type { Article, Entity, EntityType, Span, StoryEntity } from '../model/index.ts';
import { gazetteer } from './entities/gazetteer.ts';
import {
  COMPANY_ABBREVIATIONS,
  DESCRIPTIONS,
  KNOWN_ORGS,
  MISC_HEADS,
  MISC_WORDS,
  NOT_NAMES,
  NOT_NAMES_EXTRA,
  ORG_PREFIXES,
  ORG_WORDS,
  PERSON_CUE_AFTER,
  PERSON_CUE_BEFORE,
  PLACE_CUE_BEFORE,
  PLACE_WORDS,
  TEAM_CUE_AFTER,
  TEAM_CUE_BEFORE,
  TEAM_PREFIXES,
  TEAM_SUFFIXES,
  TITLES,
} from './entities/lexicon.ts';
import { nameLists } from './entities/names.ts';

for (const w of NOT_NAMES_EXTRA) NOT_NAMES.add(w);

const PLACE_PREFIXES = new Set('port mount mt lake fort cape point glen loch isle lac'.split(' '));

const PARTY_WORDS = new Set(
  'republican democrat democratic conservative labour labor liberal socialist independent green tory'.split(
    ' ',
  ),
);

const JOINERS = 'of|the|for|and|de|des|du|la|le|van|von|der|den|al|bin|da|di|del|della|dos|y|&';
const JOINER = new RegExp(`^(?:${JOINERS})$`);
// A name word: a capitalised word, an all-caps acronym, or initials ("U.S.", "F.", "T.O'Gorman"); runs of
// them on one line, with the lowercase joiners names use ("Federation of Labour Unions", "Joost van der Berg").
const WORD = String.raw`(?:(?:[A-Z]\.)+(?:[A-Z][\p{L}'’-]+)?|(?:Corp|Inc|Co|Ltd|Bros|Cos|Plc|Intl)\.|[A-Z][\p{L}'’-]*|[A-Z]{2,})`;
const CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${WORD}(?:(?:[ \t]+(?:${JOINERS})){0,2}[ \t]+${WORD})*`,
  'gu',
);
/** "Louis-based", "Brazilian-born", "British-ruled": describes a name, is not one. */
const DESCRIBED =
  /-(?:based|born|bred|led|backed|controlled|ruled|owned|made|run|held|registered|listed|funded|sponsored|speaking|style|era)$/i;

/** "Iraqi", "Bosnian Serbs", "Latin American", "S. Korean": peoples and their adjectives (CoNLL's MISC). */
function isPeople(words: string[]): boolean {
  const { demonyms } = gazetteer();
  let core = 0;
  for (const w of words) {
    const k = key(w);
    if (demonyms.has(k) || MISC_WORDS.has(k) || (k.endsWith('s') && demonyms.has(k.slice(0, -1)))) core++;
    else if (
      !/^(?:north|south|east|west|southeast|southwest|northeast|northwest|central|latin|roman|s|n)$/.test(k)
    )
      return false;
  }
  return core > 0;
}

const WORDS = /\p{L}[\p{L}'’-]*/gu;

interface Mention extends Span {
  surface: string;
  role?: string;
  type: EntityType | null;
  evidence: number;
  /** after "in", "at", "from"… or in a dateline: where something happens */
  placeCue?: boolean;
  /** a lone capitalised word opening a sentence: a name only if the document names it elsewhere */
  unsure?: boolean;
}

/** What the whole document says about its words. */
interface Context {
  text: string;
  /** words seen in lower case: a capitalised sentence-initial one is probably a common word */
  lowerWords: Set<string>;
  /** capitalised words seen inside sentences */
  midSentence: Set<string>;
}

function isSentenceStart(text: string, pos: number): boolean {
  const before = text.slice(Math.max(0, pos - 4), pos);
  return (
    pos === 0 || /(^|[.!?:"“”'\n]\s*|\n\s*|^\s*[-—–]\s*)$/.test(before) || /[.!?]["”']?\s+$/.test(before)
  );
}

function key(w: string): string {
  const k = w.toLowerCase();
  return k.endsWith('.') ? k.slice(0, -1) : k;
}
const isInitial = (w: string) => /^(?:[A-Z]\.)+$/.test(w);

/** "Amara Okafor", "S. Waugh", "Pete Sampras": a given name or initials, then a capitalised surname. */
function personLike(words: string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (!/^[A-Z][\p{L}'’-]*[a-z][\p{L}'’-]*$/u.test(last) && !/^[A-Z]['’]?[A-Z][a-z]/.test(last)) return false;
  const { firstNames } = nameLists();
  const lastKey = key(last);
  if (ORG_WORDS.has(lastKey) || PLACE_WORDS.has(lastKey) || TEAM_SUFFIXES.has(lastKey)) return false;
  // "N. Korea", "S. Africa": an initial before a country is a compass point.
  if (gazetteer().countries.has(words.slice(1).join(' ').toLowerCase())) return false;
  return (
    isInitial(first) ||
    /^[A-Z]\.[A-Z]/.test(first) ||
    (firstNames.has(key(first)) && !TEAM_PREFIXES.has(key(first)))
  );
}

/** A score or a table row after a name: "Leeds 2 Chelsea 1", "Essex 340", "NEW YORK 74 59 .556 -". */
function scoreAfter(text: string, span: Span): boolean {
  const eol = text.indexOf('\n', span.end);
  const rest = text.slice(span.end, eol < 0 ? text.length : eol);
  if (TEAM_CUE_AFTER.test(rest)) return true;
  // A table row: the name opens the line and only figures follow.
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  return (
    /^\s*$/.test(text.slice(lineStart, span.start)) &&
    /^[\s\d.,:;/()+%-]*\d[\s\d.,:;/()+%-]*$/.test(rest) &&
    /^\s+\d+\s+\d+/.test(rest)
  );
}

/** A dateline: "LONDON 1996-08-30", "TAVILDARA, Tajikistan 1996-08-30", "WASHINGTON (Reuters) -". */
function isDateline(text: string, span: Span): boolean {
  if (span.start > 0 && text[span.start - 1] !== '\n') return false;
  return /^\s*(?:,\s*[A-Z][\p{L}.]*(?:\s+[A-Z][\p{L}.]*)*\s*)?(?:\d{4}-\d\d-\d\d|\(\s*Reuters\s*\)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)/u.test(
    text.slice(span.end, span.end + 40),
  );
}

function typeOf(
  words: string[],
  ctx: Context,
  span: Span,
  hasTitle: boolean,
  shouted = false,
): { type: EntityType | null; evidence: number } {
  const text = ctx.text;
  const surface = words.join(' ');
  const lower = surface.toLowerCase();
  const first = key(words[0]!);
  const last = key(words[words.length - 1]!);
  const { places, demonyms, countries } = gazetteer();
  const lists = nameLists();
  if (hasTitle) return { type: 'person', evidence: 3 };
  const place = places.has(lower);
  if (place && words.length > 1 && (ORG_WORDS.has(last) || MISC_HEADS.has(last)))
    return { type: 'place', evidence: 2 };
  if (KNOWN_ORGS.has(lower) || lists.teams.has(lower) || (words.length > 1 && lists.organizations.has(lower)))
    return { type: 'organization', evidence: 3 };
  if (ORG_PREFIXES.test(surface) || (words.length > 1 && ORG_WORDS.has(last)))
    return { type: 'organization', evidence: 3 };
  // "National Bank of Poland", "Chicago Board of Trade", "Gulf of Mexico": the word before "of" heads the name.
  const of = words.indexOf('of');
  if (of > 0) {
    const head = key(words[of - 1]!);
    if (ORG_WORDS.has(head)) return { type: 'organization', evidence: 3 };
    if (PLACE_WORDS.has(head)) return { type: 'place', evidence: 2 };
    if (MISC_HEADS.has(head)) return { type: 'other', evidence: 2 };
  }
  if (words.length > 1 && MISC_HEADS.has(last)) return { type: 'other', evidence: 3 };
  if (isPeople(words) || DESCRIBED.test(surface)) return { type: 'other', evidence: 2 };
  const after = text.slice(span.end, span.end + 30);
  const before = text.slice(Math.max(0, span.start - 16), span.start);
  const person = personLike(words);
  if (PERSON_CUE_BEFORE.test(before) && words.length <= 3) return { type: 'person', evidence: 2 };
  if (words.length > 2 && words.includes('&')) return { type: 'organization', evidence: 2 };
  if (isDateline(text, span) && !person) return { type: 'place', evidence: 3 };
  // A club is named after its town: a place (not a country: national sides are places in CoNLL's scheme)
  // or an unknown name in a score line, or after "beat" or "against", is a team.
  if (
    !person &&
    !countries.has(lower) &&
    !countries.has(places.get(lower)?.toLowerCase() ?? '') &&
    words.length <= 3 &&
    (scoreAfter(text, span) ||
      TEAM_CUE_BEFORE.test(before) ||
      /^\s+(?:beat|beats|defeated|drew|lost to)\b/.test(after))
  )
    return { type: 'organization', evidence: place ? 3 : 2 };
  if (place) return { type: 'place', evidence: 2 };
  if (words.length > 1 && (TEAM_SUFFIXES.has(last) || TEAM_PREFIXES.has(first)))
    return { type: 'organization', evidence: 2 };
  if (words.length > 1 && PLACE_WORDS.has(last)) return { type: 'place', evidence: 2 };
  // "Port Sella", "Mount Kerin", "Lake Orda", "Fort Ashby": a place word in front names a place too.
  if (words.length > 1 && words.length <= 3 && PLACE_PREFIXES.has(first))
    return { type: 'place', evidence: 2 };
  if (lists.organizations.has(lower) || (words.length > 1 && !person && lists.organizations.has(last)))
    return { type: 'organization', evidence: 2 };
  if (!shouted && /^[A-Z]{2,6}$/.test(surface)) return { type: 'organization', evidence: 1 };
  if (person) return { type: 'person', evidence: 2 };
  if (PERSON_CUE_AFTER.test(after) && words.length <= 3) return { type: 'person', evidence: 2 };
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every(
      (w, i) =>
        (i > 0 && i < words.length - 1 && /^(?:van|von|der|de|da|del|di|bin|al|le|la)$/.test(w)) ||
        (/^[A-Z][a-z'’-]+$/.test(w) &&
          !places.has(w.toLowerCase()) &&
          !ctx.lowerWords.has(w.toLowerCase()) &&
          (i < words.length - 1 ||
            !lists.common.has(w.toLowerCase()) ||
            lists.lastNames.has(w.toLowerCase()))),
    )
  )
    return { type: 'person', evidence: 1 };
  // "the Springboks", "the Mets": a plural name that is not a people ("the Kurds") is a team or a band.
  if (
    words.length === 1 &&
    /(?:^|\s)the\s+$/i.test(before) &&
    /^[A-Z][a-z]+[^s]s$/.test(surface) &&
    !lists.common.has(lower) &&
    !demonyms.has(lower.replace(/s$/, ''))
  )
    return { type: 'organization', evidence: 1 };
  if (words.length === 1 && lists.lastNames.has(lower)) return { type: 'person', evidence: 1 };
  if (PLACE_CUE_BEFORE.test(before) && words.length <= 2) return { type: 'place', evidence: 1 };
  return { type: null, evidence: 0 };
}

/** Is a word common English rather than a name, here: seen in lower case, or a common word in the lexicon? */
function common(ctx: Context, word: string): boolean {
  if (/^[A-Z]\./.test(word)) return false;
  const w = key(word);
  return ctx.lowerWords.has(w) || nameLists().common.has(w) || NOT_NAMES.has(w);
}

/** Does a word open sentences rather than names ("During", "Instead", "Traders"), here or in general? */
function opener(ctx: Context, word: string): boolean {
  if (/^[A-Z]\./.test(word)) return false;
  const w = key(word);
  return ctx.lowerWords.has(w) || nameLists().openers.has(w) || NOT_NAMES.has(w);
}

/** Does a run of words begin with a known name ("New York", "Real Madrid")? Then its first word stays. */
function startsKnownName(words: string[]): boolean {
  const { places } = gazetteer();
  const lists = nameLists();
  if (TEAM_PREFIXES.has(key(words[0]!)) || PLACE_PREFIXES.has(key(words[0]!))) return true;
  for (let n = Math.min(words.length, 4); n >= 2; n--) {
    const s = words.slice(0, n).join(' ').toLowerCase();
    if (places.has(s) || lists.teams.has(s) || lists.organizations.has(s) || KNOWN_ORGS.has(s)) return true;
  }
  return false;
}

function push(ctx: Context, out: Mention[], words: string[], start: number, role?: string, shouted = false) {
  const name = words.join(' ');
  const span = { start, end: start + name.length };
  if (ctx.text.slice(span.start, span.end) !== name) return;
  const { type, evidence } = typeOf(words, ctx, span, role !== undefined, shouted);
  const placeCue =
    PLACE_CUE_BEFORE.test(ctx.text.slice(Math.max(0, span.start - 16), span.start)) ||
    isDateline(ctx.text, span);
  out.push({
    ...span,
    surface: name,
    ...(role ? { role } : {}),
    type,
    evidence,
    ...(placeCue ? { placeCue } : {}),
  });
}

/** Candidates on an ordinary line of mixed-case text. */
function lineCandidates(ctx: Context, line: string, offset: number, out: Mention[]) {
  const text = ctx.text;
  const { places, demonyms } = gazetteer();
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(line); m; m = CANDIDATE.exec(line)) {
    let start = offset + m.index;
    let surface = m[0];
    // "Republican Ada Ruiz and Democrat Tomas Greer" is two people, "Essex and Kent" two teams;
    // "Procter and Gamble" is one name.
    const and = /\s+and\s+/.exec(surface);
    if (and) {
      const left = surface.slice(0, and.index).split(/\s+/);
      const right = surface.slice(and.index + and[0].length).split(/\s+/);
      const lastWord = key(right[right.length - 1]!);
      // Named again elsewhere in the text, on its own.
      const elsewhere = (ws: string[]) => {
        const s = ws.join(' ');
        const first = text.indexOf(s);
        return first >= 0 && text.indexOf(s, first + s.length) >= 0;
      };
      const known = (ws: string[]) => {
        const s = ws.join(' ').toLowerCase();
        const lists = nameLists();
        return (
          places.has(s) ||
          demonyms.has(s) ||
          personLike(ws) ||
          KNOWN_ORGS.has(s) ||
          lists.organizations.has(s) ||
          lists.teams.has(s) ||
          lists.lastNames.has(s)
        );
      };
      const leftLast = key(left[left.length - 1]!);
      if (
        !ORG_PREFIXES.test(surface) &&
        // "Johnson Controls Inc and Lear Corp", "Israel and the Palestine Liberation Organisation".
        (!ORG_WORDS.has(lastWord) ||
          ORG_WORDS.has(leftLast) ||
          right[0] === 'the' ||
          gazetteer().countries.has(left.join(' ').toLowerCase()) ||
          personLike(left)) &&
        !nameLists().organizations.has(surface.toLowerCase()) &&
        !nameLists().organizations.has(surface.toLowerCase().replace(/\s+and\s+/, ' & ')) &&
        ((left.length >= 2 && right.length >= 2) ||
          known(left) ||
          known(right) ||
          elsewhere(left) ||
          elsewhere(right))
      ) {
        surface = surface.slice(0, and.index);
        CANDIDATE.lastIndex = m.index + and.index + and[0].length;
      }
    }
    // Possessives and trailing dots belong to the sentence, not the name.
    // An initial's or a company form's dot stays, judged on the surface as found. No closures in this
    // loop: under tsx, each one made per candidate costs a property definition.
    const found = surface;
    surface = surface.replace(/['’]s$/, '');
    if (surface.endsWith('.') && !/\b[A-Z]\.$/.test(found) && !COMPANY_ABBREVIATIONS.test(found))
      surface = surface.slice(0, -1);
    let words = surface.split(/\s+/);
    // "German Foreign Ministry", "Palestinian U.N.": a people's adjective before an organisation's name.
    if (
      words.length >= 2 &&
      isPeople([words[0]!]) &&
      (/^[A-Z]{2,}|^(?:[A-Z]\.){2,}$/.test(words[1]!) ||
        KNOWN_ORGS.has(words.slice(1).join(' ').toLowerCase()) ||
        (TITLES.has(key(words[1]!)) && ORG_WORDS.has(key(words[words.length - 1]!))))
    )
      ({ words, start } = dropWords(words, 1, start));
    // A leading article or a sentence-initial common word ("During", "Traders") is not part of the name.
    while (
      words.length &&
      (NOT_NAMES.has(words[0]!.toLowerCase()) ||
        JOINER.test(words[0]!) ||
        DESCRIBED.test(words[0]!) ||
        (words.length > 1 &&
          isSentenceStart(text, start) &&
          opener(ctx, words[0]!) &&
          !nameLists().firstNames.has(key(words[0]!)) &&
          !TITLES.has(key(words[0]!)) &&
          !ORG_WORDS.has(key(words[words.length - 1]!)) &&
          !startsKnownName(words)))
    )
      ({ words, start } = dropWords(words, 1, start));
    // "Shares of Johnson Controls": a sentence-initial word joined by "of" is the sentence's, unless the
    // whole is an organisation's name ("Bank of England").
    if (
      words.length > 2 &&
      words[1] === 'of' &&
      isSentenceStart(text, start) &&
      !ORG_PREFIXES.test(words.join(' '))
    )
      ({ words, start } = dropWords(words, 2, start));
    while (
      words.length &&
      (NOT_NAMES.has(words[words.length - 1]!.toLowerCase()) || JOINER.test(words[words.length - 1]!))
    )
      words.pop();
    if (!words.length) continue;
    // "Karlsruhe of Germany", "John Casesa of Schroder Wertheim": a name "of" a place or a firm is two names,
    // unless the first is an institution's head ("Bank of England", "Gulf of Mexico", "Duke of Norfolk").
    const of = words.indexOf('of');
    if (of > 0 && of < words.length - 1) {
      const left = words.slice(0, of);
      const right = words.slice(of + 1);
      const head = key(left[left.length - 1]!);
      if (
        !ORG_PREFIXES.test(words.join(' ')) &&
        !ORG_WORDS.has(head) &&
        !PLACE_WORDS.has(head) &&
        !TITLES.has(head) &&
        !MISC_HEADS.has(head) &&
        !JOINER.test(right[0]!) &&
        (personLike(left) ||
          places.has(right.join(' ').toLowerCase()) ||
          ORG_WORDS.has(key(right[right.length - 1]!)))
      ) {
        lineCandidatesFromWords(ctx, out, left, start);
        const rightStart = start + left.join(' ').length + 4;
        lineCandidatesFromWords(ctx, out, right, rightStart);
        continue;
      }
    }
    lineCandidatesFromWords(ctx, out, words, start);
  }
}

/** The words after the first `n`, and where they start: each dropped word took its length and a space. */
function dropWords(words: string[], n: number, start: number): { words: string[]; start: number } {
  let at = start;
  for (let i = 0; i < n && i < words.length; i++) at += words[i]!.length + 1;
  return { words: words.slice(n), start: at };
}

/** Splits a title off the front of a name ("Foreign Minister Amara Okafor") and records the mention(s). */
function lineCandidatesFromWords(ctx: Context, out: Mention[], words: string[], start: number) {
  const text = ctx.text;
  const { places, demonyms } = gazetteer();
  const last = key(words[words.length - 1]!);
  // Title words before a name are the person's role; what stands before the titles ("U.S.", "Federal
  // Reserve", "Panamanian Boxing Association") is a name of its own.
  let role: string | undefined;
  if (words.length > 1 && !ORG_WORDS.has(last) && !PLACE_WORDS.has(last) && !MISC_HEADS.has(last)) {
    let t = -1;
    for (let i = 0; i < words.length - 1; i++) {
      const w = key(words[i]!);
      if (
        (w.includes('-') && w.split('-').every((p) => TITLES.has(p))) ||
        TITLES.has(w) ||
        (w === 'of' && i > 0 && TITLES.has(key(words[i - 1]!)) && TITLES.has(key(words[i + 1]!)))
      )
        t = i;
    }
    // A party before a full name ("Republican Ada Ruiz") describes the person, like a title.
    if (t < 0 && words.length >= 3 && PARTY_WORDS.has(key(words[0]!))) t = 0;
    // "American Tom Johnson", "Brazilian-born Luis Oliveira": a demonym before a person's name.
    if (
      t < 0 &&
      words.length >= 3 &&
      (demonyms.has(key(words[0]!)) ||
        DESCRIBED.test(words[0]!) ||
        (isSentenceStart(text, start) && !nameLists().firstNames.has(key(words[0]!)))) &&
      personLike(words.slice(1))
    )
      t = 0;
    if (t >= 0 && t < words.length - 1 && words.length - t - 1 <= 4) {
      let firstTitle = t;
      while (firstTitle > 0 && (TITLES.has(key(words[firstTitle - 1]!)) || words[firstTitle - 1] === 'of'))
        firstTitle--;
      const prefix = words.slice(0, firstTitle);
      role = words.slice(0, t + 1).join(' ');
      const skip = role.length + 1;
      // The longest known name at the front of the prefix.
      let p = prefix.length;
      while (p > 0 && demonyms.has(key(prefix[0]!))) {
        prefix.shift();
        p = prefix.length;
      }
      const prefixStart =
        start +
        words.slice(0, firstTitle - prefix.length).join(' ').length +
        (firstTitle > prefix.length ? 1 : 0);
      for (; p > 0; p--) {
        const ws = prefix.slice(0, p);
        const s = ws.join(' ').toLowerCase();
        if (
          places.has(s) ||
          ORG_WORDS.has(key(ws[ws.length - 1]!)) ||
          KNOWN_ORGS.has(s) ||
          nameLists().organizations.has(s)
        ) {
          push(ctx, out, ws, prefixStart);
          break;
        }
      }
      start += skip;
      words = words.slice(t + 1);
    }
  }
  const name = words.join(' ');
  if (!name || name.length < 2 || TITLES.has(name.toLowerCase())) return;
  if (words.length === 1 && isSentenceStart(text, start) && !ctx.midSentence.has(name)) {
    const after = text.slice(start + name.length, start + name.length + 30);
    if (
      common(ctx, name) &&
      !gazetteer().places.has(name.toLowerCase()) &&
      !KNOWN_ORGS.has(name.toLowerCase())
    )
      return;
    // Kept only if the document names it inside a longer name too ("Talvex Holdings Inc" … "Talvex").
    if (
      !isDateline(text, { start, end: start + name.length }) &&
      !PERSON_CUE_AFTER.test(after) &&
      !TEAM_CUE_AFTER.test(after) &&
      !scoreAfter(text, { start, end: start + name.length }) &&
      !gazetteer().places.has(name.toLowerCase()) &&
      !KNOWN_ORGS.has(name.toLowerCase()) &&
      !nameLists().lastNames.has(name.toLowerCase())
    ) {
      push(ctx, out, words, start, role);
      const m = out[out.length - 1];
      if (m?.start === start) m.unsure = true;
      return;
    }
  }
  if (/^\d/.test(name)) return;
  push(ctx, out, words, start, role);
}

/** An all-caps line (a headline, a table): no lower-case letters, and some word of two letters or more. */
function isShouted(line: string): boolean {
  return !/\p{Ll}/u.test(line) && /\p{Lu}{2}/u.test(line);
}

/**
 * Candidates on an all-caps line, where capitals say nothing: the longest runs of words known as names
 * (from this document's mixed-case text or the gazetteer), and otherwise words that are not common words.
 */
function shoutedCandidates(ctx: Context, line: string, offset: number, known: Set<string>, out: Mention[]) {
  const { places } = gazetteer();
  const lists = nameLists();
  const isKnown = (s: string) =>
    known.has(s) || places.has(s) || lists.teams.has(s) || lists.organizations.has(s) || KNOWN_ORGS.has(s);
  const tokens = [...line.matchAll(/[A-Z][A-Z'’.&-]*[A-Z.]|[A-Z]/g)];
  let i = 0;
  let pending: RegExpMatchArray[] = [];
  const flush = () => {
    if (!pending.length) return;
    const words = pending.map((t) => t[0].replace(/\.$/, (d) => (/^(?:[A-Z]\.)+$/.test(t[0]) ? d : '')));
    const start = offset + pending[0]!.index!;
    const surface = line.slice(
      pending[0]!.index!,
      pending[pending.length - 1]!.index! + words[words.length - 1]!.length,
    );
    pending = [];
    if (surface.split(/\s+/).length !== words.length) return;
    push(ctx, out, words, start, undefined, true);
  };
  // Tokens separated by anything but spaces ("AUSTRALIA V SRI LANKA", "ENGLAND, PAKISTAN") are not one name.
  const adjacent = (a: RegExpMatchArray, b: RegExpMatchArray) =>
    /^[ \t]+$/.test(line.slice(a.index! + a[0].length, b.index!));
  while (i < tokens.length) {
    let matched = 0;
    for (let n = Math.min(4, tokens.length - i); n >= 1; n--) {
      let ok = true;
      for (let j = i; j < i + n - 1; j++) if (!adjacent(tokens[j]!, tokens[j + 1]!)) ok = false;
      if (!ok) continue;
      const s = tokens
        .slice(i, i + n)
        .map((t) => t[0])
        .join(' ')
        .toLowerCase();
      if (isKnown(s) || isKnown(s.replace(/\.$/, ''))) {
        matched = n;
        break;
      }
    }
    const prev = pending[pending.length - 1];
    if (matched === 1 && prev && lists.firstNames.has(key(prev[0])) && adjacent(prev, tokens[i]!)) {
      pending.push(tokens[i]!);
      i++;
      continue;
    }
    if (matched) {
      flush();
      pending = tokens.slice(i, i + matched);
      flush();
      i += matched;
      continue;
    }
    const t = tokens[i]!;
    const w = key(t[0]);
    const stop = w.length < 2 || common(ctx, w) || TITLES.has(w) || /^[ivx]+$/.test(w);
    if (stop && !lists.firstNames.has(w)) flush();
    else {
      if (pending.length && !adjacent(pending[pending.length - 1]!, t)) flush();
      pending.push(t);
    }
    i++;
  }
  flush();
}

function candidates(article: Article): Mention[] {
  const text = article.text;
  const ctx: Context = { text, lowerWords: new Set(), midSentence: new Set() };
  // One pass over the words: those in lower case, and capitalised ones inside a sentence (after a space
  // that follows anything but the end of a sentence or an opening quote).
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m; m = WORDS.exec(text)) {
    const w = m[0];
    const c = w.charCodeAt(0);
    if (c >= 97 && c <= 122) ctx.lowerWords.add(w.toLowerCase());
    else if (c >= 65 && c <= 90) {
      let i = m.index - 1;
      while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
      if (i >= 0 && i < m.index - 1 && !'.!?"“\n\r'.includes(text[i]!)) ctx.midSentence.add(w);
    }
  }
  let out: Mention[] = [];
  const shouted: [number, string][] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (isShouted(line)) shouted.push([offset, line]);
    else lineCandidates(ctx, line, offset, out);
    offset += line.length + 1;
  }
  if (out.some((m) => m.unsure)) {
    const parts = new Set<string>();
    for (const m of out)
      if (!m.unsure && m.surface.includes(' ')) {
        const ws = m.surface.split(' ');
        parts.add(ws[0]!);
        parts.add(ws[ws.length - 1]!);
      }
    out = out.filter((m) => !m.unsure || parts.has(m.surface));
  }
  if (shouted.length) {
    const known = new Set<string>();
    for (const m of out) {
      known.add(m.surface.toLowerCase());
      if (m.type === 'person') known.add(m.surface.split(' ').pop()!.toLowerCase());
    }
    for (const [at, line] of shouted) shoutedCandidates(ctx, line, at, known, out);
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
function cluster(mentions: Mention[], text = ''): Cluster[] {
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
      // A company or a club is shortened to its first word: "Magna International Inc" … "Magna",
      // "Real Madrid" … "Real".
      if (!c && /^[A-Z][a-z]/.test(m.surface) && !places.has(key) && !isPeople([m.surface])) {
        const club = TEAM_PREFIXES.has(key);
        if (club || !nameLists().common.has(key))
          c = clusters.find(
            (x) =>
              x.type === 'organization' &&
              x.evidence >= 2 &&
              x.name.includes(' ') &&
              x.name.split(' ')[0]!.toLowerCase() === key &&
              (club || ORG_WORDS.has(x.name.split(' ').pop()!.toLowerCase().replace(/\.$/, ''))),
          );
      }
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
  // One name, two things: "NEW YORK" in a dateline is the city, "NEW YORK 74 59" the team. Mentions
  // typed on strong evidence keep their type; the rest go with the larger side.
  for (const c of [...clusters]) {
    const strong = new Map<EntityType, Mention[]>();
    for (const m of c.mentions)
      if (m.type && m.evidence >= 3) strong.set(m.type, [...(strong.get(m.type) ?? []), m]);
    if (strong.size < 2) continue;
    const sides = [...strong].sort((a, b) => b[1].length - a[1].length);
    const main = sides[0]![0];
    c.type = main;
    for (const [type, ms] of sides.slice(1)) {
      c.mentions = c.mentions.filter((m) => !ms.includes(m));
      clusters.push({ name: c.name, type, evidence: 3, mentions: ms, roles: new Set() });
    }
  }
  // In a sports report, a town that names a team ("Derbyshire 471", "against Leeds") is a team wherever
  // the report never puts anything "in" or "at" it.
  const teams = clusters.filter(
    (c) =>
      c.type === 'organization' &&
      c.mentions.some((m) => m.evidence >= 3 && places.has(m.surface.toLowerCase())),
  ).length;
  if (teams >= 2) {
    const { countries } = gazetteer();
    for (const c of clusters)
      if (
        c.type === 'place' &&
        c.evidence < 3 &&
        !countries.has(c.name.toLowerCase()) &&
        !c.mentions.some((m) => m.placeCue || countries.has(m.surface.toLowerCase()))
      )
        c.type = 'organization';
  }
  // Names listed together are of a kind: "Essex, Derbyshire and Surrey", "Lotte and Hyundai".
  if (text) {
    const owner = new Map<Mention, Cluster>();
    for (const c of clusters) for (const m of c.mentions) owner.set(m, c);
    const byStart = [...owner.keys()].sort((a, b) => a.start - b.start);
    for (let pass = 0; pass < 2; pass++)
      for (let i = 1; i < byStart.length; i++) {
        const a = owner.get(byStart[i - 1]!)!;
        const b = owner.get(byStart[i]!)!;
        if (a === b || (a.type && b.type) || (!a.type && !b.type)) continue;
        if (!/^\s*(?:,|and|or|&|, and)\s*$/.test(text.slice(byStart[i - 1]!.end, byStart[i]!.start)))
          continue;
        const typed = a.type ? a : b;
        const untyped = a.type ? b : a;
        if (typed.type === 'other' || typed.evidence < 2) continue;
        untyped.type = typed.type;
        untyped.evidence = 1;
      }
  }
  // A bare surname typed by a cue ("Brandt said") that matches a person makes the whole cluster a person;
  // so does a two-word name later shortened to its last word ("Frank Bruno" … "Bruno").
  for (const c of clusters) {
    if (c.type !== null && c.evidence > 0) continue;
    const lastWord = c.name.includes(' ') ? c.name.split(' ').pop() : undefined;
    if (
      c.mentions.some((m) => m.role) ||
      (lastWord && /^[A-Z][a-z]/.test(c.name) && c.mentions.some((m) => m.surface === lastWord))
    )
      c.type = 'person';
  }
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
  const clusters = cluster(candidates(article), article.text).filter((c) => c.mentions.length);
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
