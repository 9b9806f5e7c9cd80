/**
 * Reported speech inside one sentence, read from its words: "X (has also) said (on Monday) (that) …",
 * "…, X said (on Monday).", "…, said X.", "The plan, X said, …", "according to X, …", "…, according to X.",
 * "X's claim that …", "X told reporters …", "X, a former minister, argued …". Each attribution has a cue, a
 * speaker span (the subject chunk before the verb) and a content span (the clause the cue introduces, to
 * the end of the sentence or to the next attribution in it).
 */
import type { Span } from '../../model/index.ts';
import type { CueVerb } from './lexicon.ts';
import * as lexicon from './lexicon.ts';

// Read once: module bindings behind a loader's getters cost a call on every use in the loops below.
const ADDRESSEES = lexicon.ADDRESSEES;
const AGENTS = lexicon.AGENTS;
const BETWEEN = lexicon.BETWEEN;
const CUE_NOUNS = lexicon.CUE_NOUNS;
const CUE_VERBS = lexicon.CUE_VERBS;
const LY_NOUNS = lexicon.LY_NOUNS;
const NOT_HEAD = lexicon.NOT_HEAD;
const NOUNLIKE = lexicon.NOUNLIKE;
const PRONOUNS = lexicon.PRONOUNS;
const QUANTIFIERS = lexicon.QUANTIFIERS;
const SUBJECT_STOP = lexicon.SUBJECT_STOP;

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
  cap: boolean;
}

export interface Clause {
  /** The content; with `parts`, the hull from the first part to the last, attribution included. */
  content: Span;
  /** A content split by a parenthetical attribution: "The plan, she said, will cost more". */
  parts?: Span[];
  speaker: Span | null;
  cue: Span;
}

/** Ends a clause's content at `end`, dropping or trimming the parts after it. */
function endContent(clause: Clause, end: number): void {
  clause.content = { start: clause.content.start, end };
  if (!clause.parts) return;
  const parts: Span[] = [];
  for (const p of clause.parts) if (p.start < end) parts.push(p.end > end ? { start: p.start, end } : p);
  if (parts.length > 1) clause.parts = parts;
  else delete clause.parts;
}

/** Letters and digits of a word: A–Z, a–z, 0–9, U+00C0–U+1FFF, U+2C00–U+D7FF. General punctuation
 * (U+2000–U+206F: curly quotes, dashes) and surrogates stay out of words. */
function isLetter(c: number): boolean {
  return c < 128
    ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
    : (c >= 0xc0 && c <= 0x1fff) || (c >= 0x2c00 && c <= 0xd7ff);
}

/** White space as JavaScript's \s reads it. */
function isSpace(c: number): boolean {
  return c < 128
    ? c === 32 || (c >= 9 && c <= 13)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

/** Characters that join two runs of letters into one word: "don't", "U.S", "co-chair", "AT&T", "and/or". */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45 || c === 38 || c === 47;
}

/** A word's code: a 32-bit polynomial hash of its characters, for screening tokens without hashing strings. */
function wordCode(word: string): number {
  let h = 0;
  for (let k = 0; k < word.length; k++) h = (Math.imul(h, 31) + word.charCodeAt(k)) | 0;
  return h;
}

/** Codes of the forms of the reporting verbs. */
const VERB_CODES = new Set<number>();
for (const form of CUE_VERBS.keys()) VERB_CODES.add(wordCode(form));

/**
 * Words (letters and digits, "$" in the first run, joined by apostrophes, dots, hyphens, "&" and "/")
 * and single other characters. A scan over character codes: no match objects, one token object per token.
 * With `verbs`, the indices of the tokens that are lowercase forms of a reporting verb are added to it.
 */
export function tokenize(text: string, span: Span, verbs?: number[]): Token[] {
  const out: Token[] = [];
  const end = span.end;
  let p = span.start;
  while (p < end) {
    const c = text.charCodeAt(p);
    const letter = isLetter(c);
    // U+1680 and U+3000 are white space inside the letter ranges: letters here, as in the ranges.
    if (!letter && isSpace(c)) {
      p++;
      continue;
    }
    const start = p;
    // Whether toLowerCase could change the token: an ASCII capital or any non-ASCII character.
    let mixed = c > 127 || (c >= 65 && c <= 90);
    let joined = false;
    let code = c;
    if (letter || c === 36) {
      p++;
      for (; p < end; p++) {
        const d = text.charCodeAt(p);
        if (!isLetter(d) && d !== 36) break;
        if (d > 127 || (d >= 65 && d <= 90)) mixed = true;
        code = (Math.imul(code, 31) + d) | 0;
      }
      while (p + 1 < end && isJoiner(text.charCodeAt(p)) && isLetter(text.charCodeAt(p + 1))) {
        if (text.charCodeAt(p) > 127) mixed = true;
        joined = true;
        p++;
        for (; p < end; p++) {
          const d = text.charCodeAt(p);
          if (!isLetter(d)) break;
          if (d > 127 || (d >= 65 && d <= 90)) mixed = true;
        }
      }
    } else p++;
    const t = text.slice(start, p);
    const first = text.charCodeAt(start);
    let upper: boolean;
    let lower: boolean;
    if (first < 128) {
      upper = first >= 65 && first <= 90;
      lower = first >= 97 && first <= 122;
    } else {
      const ch = t[0]!;
      upper = ch !== ch.toLowerCase();
      lower = ch !== ch.toUpperCase();
    }
    const token: Token = {
      text: t,
      lower: mixed ? t.toLowerCase() : t,
      start,
      end: p,
      word: upper || lower || (first >= 48 && first <= 57) || (first === 36 && t.length > 1),
      cap: upper,
    };
    // Verb forms are lowercase letters only: a joined token is never one, a plain one only if its code is.
    if (
      verbs &&
      token.word &&
      !joined &&
      (mixed ? !upper && CUE_VERBS.has(token.lower) : VERB_CODES.has(code) && CUE_VERBS.has(t))
    )
      verbs.push(out.length);
    out.push(token);
  }
  return out;
}

const ABBREVIATION =
  /^(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Gen|Col|Capt|Lt|Sgt|St|Jr|Sr|Rev|Hon|Pres|Supt|Det|Adm|Maj|Cmdr|Ft|Mt|U\.S|U\.N|U\.K|D\.C|Inc|Corp|Co|Ltd|No)$/;
const DASH = new Set(['—', '–', '―', '--']);
const CLOSE_QUOTE = new Set(['"', '”', '’', "'", '»']);
const OPEN_QUOTE = new Set(['"', '“', '‘', '«', '„']);
const COORDINATORS = new Set(['and', 'but', 'while', 'whereas', 'yet', 'though', 'although']);
/** Conjunctions opening a sentence with a subordinate clause: "When X said …, Y …". */
const OPENING_SUBORDINATORS = new Set(
  'when after before because although though while since once until unless if as whereas'.split(' '),
);
/** Conjunctions opening a clause of reasons and concessions inside a content: "… because they felt …". */
const SUBORDINATORS = new Set(['because', 'since', 'although', 'though', 'whereas', 'while', 'as']);
/** Words that may open the tail after a closing "…, X said": when, where, to whom. */
const TAIL_OPENERS = new Set(
  'on in at during after before last this late early while when to from by adding reporters journalists monday tuesday wednesday thursday friday saturday sunday yesterday today earlier later recently previously afterward afterwards again too also then told via'.split(
    ' ',
  ),
);
/** Verbs that close a sentence as its attribution: "…, she said.", "…, he added." */
const TRAILING = new Set(
  'say add tell write note explain argue insist warn acknowledge claim report reply respond conclude predict suggest tweet recall confirm announce believe think estimate state contend allege admit emphasize stress caution observe remark ask counter quip joke concede maintain assert complain declare continue point'.split(
    ' ',
  ),
);
const PREPOSITIONS = new Set(
  'to on in at after before during of from by with into onto for about over under through since until via as like amid against upon off up out down around'.split(
    ' ',
  ),
);
/** Words of when and where between a cue and its "that": "said in a statement on Monday that". */
const SETTING = new Set(
  'a an the his her their its this last next earlier later statement interview interviews speech remarks conference news briefing rally hearing letter email memo post tweet tweets television radio program show appearance call phone week weekend month year morning afternoon evening night day today yesterday tonight time times occasion event stop visit meeting session debate address testimony report op-ed column book blog video podcast as did has had also recent weeks months years days ago'.split(
    ' ',
  ),
);
const REFLEXIVE = /^(?:myself|yourself|himself|herself|itself|ourselves|themselves)$/;
function isAdverb(t: Token): boolean {
  return !t.cap && t.word && /ly$/.test(t.lower) && !LY_NOUNS.has(t.lower) && t.lower.length > 3;
}

function isBetween(t: Token): boolean {
  return BETWEEN.has(t.lower) || /n['’]t$/.test(t.lower) || isAdverb(t);
}

/** Verbs that pass their subject on to a cue after "to": "appeared to suggest", "went on to say". */
const RAISING = new Set(
  'appear appears appeared seem seems seemed try tries tried continue continues continued begin begins began on yet'.split(
    ' ',
  ),
);

const PASSIVE_BE = new Set(
  "is are was were be been being 's ’s isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t".split(' '),
);

/** The cue verb at token i, with the index after it (past any particle it takes), or null. */
function cueAt(toks: Token[], i: number): { verb: CueVerb; next: number } | null {
  const t = toks[i]!;
  if (t.cap || !t.word) return null;
  const verb = CUE_VERBS.get(t.lower);
  if (!verb) return null;
  const after = toks[i + 1]?.lower;
  if (verb.needs) {
    // "voted Thursday to", "ruled on Friday against".
    const particle = after && verb.needs.includes(after) ? i + 1 : afterTime(toks, i + 1);
    return verb.needs.includes(toks[particle]?.lower ?? '') ? { verb, next: particle + 1 } : null;
  }
  if (verb.later) {
    // "portrayed himself as …": the particle within eight words of the verb, in the same clause.
    for (let k = i + 2; k < toks.length && k <= i + 9; k++) {
      const w = toks[k]!;
      if (!w.word && !isAbbreviationDot(toks, k) && w.text !== '’' && w.text !== "'") return null;
      if (verb.later.includes(w.lower)) return { verb, next: i + 1 };
    }
    return null;
  }
  if (verb.takes && after && verb.takes.includes(after)) return { verb, next: i + 2 };
  return { verb, next: i + 1 };
}

interface Subject {
  /** first token of the subject chunk */
  from: number;
  /** last token of the subject chunk (inclusive) */
  to: number;
  /** the head is a name, a pronoun, a share or an agent noun */
  strong: boolean;
}

function isAbbreviationDot(toks: Token[], k: number): boolean {
  return toks[k]?.text === '.' && k > 0 && ABBREVIATION.test(toks[k - 1]!.text);
}

/** Walks left from a head over the words of its noun phrase. */
function chunkStart(toks: Token[], head: number, floor: number): number {
  let from = head;
  for (let k = head - 1; k >= floor && head - k < 14; k--) {
    const t = toks[k]!;
    if (t.word) {
      if (SUBJECT_STOP.has(t.lower) && !(t.lower === 'and' && toks[k - 1]?.cap && toks[k + 1]?.cap)) break;
      if (t.lower !== 'of' && !t.cap && CUE_VERBS.has(t.lower)) break;
      from = k;
    } else if (isAbbreviationDot(toks, k) || t.text === '-' || t.text === '&') {
    } else if (t.text === ')') {
      const open = toks.lastIndexOf(toks.slice(Math.max(floor, k - 8), k).findLast((x) => x.text === '(')!);
      if (open < floor || open === -1) break;
      k = open;
    } else break;
  }
  // Sentence openers and prepositions left at the front ("After campaign aides insisted") are not the subject.
  while (
    from < head &&
    (SUBJECT_STOP.has(toks[from]!.lower) ||
      (NOT_HEAD.has(toks[from]!.lower) &&
        toks[from]!.cap &&
        from === floor &&
        !/^(?:the|a|an)$/.test(toks[from]!.lower)))
  )
    from++;
  return from;
}

/** Is token k a word that can head a subject? */
function headKind(toks: Token[], k: number, floor: number): 'strong' | 'weak' | null {
  const t = toks[k];
  if (!t || k < floor) return null;
  if (PRONOUNS.has(t.lower)) return t.lower === 'you' || t.lower === 'it' ? 'weak' : 'strong';
  if (!t.word) return t.text === '%' ? 'strong' : null;
  if (/['’]s$/.test(t.lower) || /['’]$/.test(t.text)) return null;
  if (QUANTIFIERS.has(t.lower)) return 'strong';
  if (t.cap) {
    if (NOT_HEAD.has(t.lower) || SUBJECT_STOP.has(t.lower)) return null;
    return 'strong';
  }
  if (/^\d/.test(t.text)) return null;
  if (NOT_HEAD.has(t.lower) || SUBJECT_STOP.has(t.lower) || isBetween(t)) return null;
  if (AGENTS.has(t.lower)) return 'strong';
  if (CUE_VERBS.has(t.lower) && !NOUNLIKE.has(t.lower)) return null;
  if (/(?:ing|ed)$/.test(t.lower)) return null;
  return 'weak';
}

/** The subject of the cue at token i: the noun phrase before it, past auxiliaries and adverbs. */
function subjectOf(toks: Token[], i: number, floor: number): Subject | null {
  let j = i - 1;
  let skipped = 0;
  let passive = false;
  while (j >= floor && skipped < 5 && toks[j]!.word) {
    if (isBetween(toks[j]!)) {
      if (PASSIVE_BE.has(toks[j]!.lower)) passive = true;
      j--;
      skipped++;
    } else if (toks[j]!.lower === 'to' && j > floor && RAISING.has(toks[j - 1]!.lower)) {
      // "he appeared to suggest", "she has tried to explain", "he went on to say".
      j -= 2;
      skipped += 2;
      if (j > floor && toks[j + 1]!.lower === 'on' && /^(?:go|goes|went|gone)$/.test(toks[j]!.lower)) j--;
    } else break;
  }
  // "was asked", "were told": the grammatical subject is the one spoken to, not the speaker. A bare
  // "-ing" form ("…, adding that", "additional reporting by") has no subject of its own here.
  const ing = /ing$/.test(toks[i]!.lower);
  // An adjective needs its "be" ("was sure"); a verb must not have one ("was asked").
  if (CUE_VERBS.get(toks[i]!.lower)?.adjective ? !passive : passive !== ing) return null;
  if (j < floor) return null;
  // "The S.E.C. said", "Robert Byrd Jr. said": the dot of an abbreviation ends the subject.
  let dot = false;
  if (
    j > floor &&
    toks[j]!.text === '.' &&
    toks[j - 1]!.word &&
    (toks[j - 1]!.text.includes('.') || ABBREVIATION.test(toks[j - 1]!.text))
  ) {
    j--;
    dot = true;
  }
  const t = toks[j]!;
  // A party tag: "Rep. John Mica (R-Fla.) said".
  if (t.text === ')') {
    let open = j - 1;
    while (open > floor && j - open < 10 && toks[open]!.text !== '(') open--;
    if (toks[open]?.text !== '(') return null;
    const kind = headKind(toks, open - 1, floor);
    if (!kind) return null;
    return { from: chunkStart(toks, open - 1, floor), to: j, strong: kind === 'strong' };
  }
  // An apposition or a relative clause between commas: "Flynn, a top surrogate, said".
  if (t.text === ',') {
    let open = j - 1;
    while (open > floor && j - open < 30 && toks[open]!.text !== ',' && !OPEN_QUOTE.has(toks[open]!.text))
      open--;
    if (toks[open]?.text !== ',' || j - open < 2) return null;
    const kind = headKind(toks, open - 1, floor);
    // "A lawyer for the outlets, David Schulz, said": a name in apposition makes a weak head strong.
    if (kind !== 'strong' && !(kind === 'weak' && isName(toks, open + 1, j - 1))) return null;
    // A relative clause is left out of the speaker: "Obama, who understood that …, told".
    const relative = toks[open + 1]!.lower === 'who' || toks[open + 1]!.lower === 'which';
    return { from: chunkStart(toks, open - 1, floor), to: relative ? open - 1 : j - 1, strong: true };
  }
  // "a super PAC that intends to …", "nations that oppose …": "that" right before a verb, after a noun,
  // is a relative pronoun and the verb's subject ("said that" is not: a verb before it). The speaker is
  // the noun it stands for.
  if (t.lower === 'that' && j > floor && toks[j - 1]!.word && !CUE_VERBS.has(toks[j - 1]!.lower)) {
    const antecedent = headKind(toks, j - 1, floor) ? antecedentStart(toks, j - 1, floor) : j;
    return { from: antecedent, to: antecedent < j ? j - 1 : j, strong: true };
  }
  const kind = headKind(toks, j, floor);
  if (!kind) return null;
  if (PRONOUNS.has(t.lower)) return { from: j, to: j, strong: kind === 'strong' };
  const from = chunkStart(toks, j, floor);
  return { from, to: dot ? j + 1 : j, strong: kind === 'strong' };
}

const DETERMINERS = new Set('the a an this these those another its his her their our some many'.split(' '));

/**
 * The start of the noun phrase a relative "that" stands for, ending at `head`: back to its determiner,
 * four words at most, and not past "of" ("one of the groups that …" stands for "the groups").
 */
function antecedentStart(toks: Token[], head: number, floor: number): number {
  let from = head;
  for (let k = head - 1; k >= floor && head - k <= 4; k--) {
    const t = toks[k]!;
    if (!t.word || t.lower === 'of' || SUBJECT_STOP.has(t.lower) || (!t.cap && CUE_VERBS.has(t.lower))) break;
    from = k;
    if (DETERMINERS.has(t.lower)) break;
  }
  return from;
}

/** Are tokens from..to a short name: capitalised words and the dots of abbreviations? */
function isName(toks: Token[], from: number, to: number): boolean {
  if (to < from || to - from > 5) return false;
  for (let k = from; k <= to; k++) if (!toks[k]!.cap && !isAbbreviationDot(toks, k)) return false;
  return true;
}

function span(toks: Token[], from: number, to: number): Span {
  return { start: toks[from]!.start, end: toks[to]!.end };
}

const AGENT_ENDS = new Set(
  'on in at during last this after before earlier yesterday today when while because since'.split(' '),
);

/**
 * A reporting verb in the passive with its agent: "X was first reported by Y", "X has been endorsed by Y".
 * The content is the subject, the speaker the agent.
 */
function passiveBy(toks: Token[], i: number, next: number, floor: number): Clause | null {
  if (toks[next]?.lower !== 'by' || /ing$/.test(toks[i]!.lower)) return null;
  let j = i - 1;
  let passive = false;
  while (j >= floor && i - j <= 5 && toks[j]!.word && isBetween(toks[j]!)) {
    if (PASSIVE_BE.has(toks[j]!.lower)) passive = true;
    j--;
  }
  if (!passive || j < floor || !headKind(toks, j, floor) || PRONOUNS.has(toks[j]!.lower)) return null;
  const from = chunkStart(toks, j, floor);
  let sEnd = phraseAfter(toks, next + 1, 12);
  // The agent ends before a time or a place: "by the Post on Friday".
  for (let k = next + 2; k <= sEnd; k++)
    if (!toks[k]!.cap && AGENT_ENDS.has(toks[k]!.lower)) {
      sEnd = k - 1;
      break;
    }
  if (sEnd <= next || !toks[next + 1]!.word || wordsBetween(toks, from, j) < 2) return null;
  return { content: span(toks, from, j), speaker: span(toks, next + 1, sEnd), cue: span(toks, i, next) };
}

/** Verbs of judging and reporting whose passive is an attribution without a named source. */
const AGENTLESS = new Set(
  'accuse blame criticize criticise charge expect consider rate describe dub view see regard deem say believe think know report quote label brand portray characterize characterise suspect allege mention'.split(
    ' ',
  ),
);
/** Prepositions that join such a passive to its complement: "accused of", "blamed for", "viewed as". */
const COMPLEMENT_MARKERS = new Set(['of', 'for', 'as', 'with']);

/**
 * A passive of judging or reporting with no agent: "Quiros was accused of fraud", "The vote is expected to
 * be close", "Oz has been called a charlatan". The content is the subject and the complement, in two
 * pieces; there is no speaker.
 */
function passiveWithoutAgent(
  toks: Token[],
  i: number,
  next: number,
  floor: number,
  last: number,
): Clause | null {
  const form = toks[i]!.lower;
  const verb = CUE_VERBS.get(form);
  if (!verb || !AGENTLESS.has(verb.lemma) || form === verb.lemma || /(?:ing|s)$/.test(form)) return null;
  let j = i - 1;
  let passive = false;
  while (j >= floor && i - j <= 5 && toks[j]!.word && isBetween(toks[j]!)) {
    if (PASSIVE_BE.has(toks[j]!.lower)) passive = true;
    j--;
  }
  if (!passive || j < floor || !headKind(toks, j, floor)) return null;
  const from = PRONOUNS.has(toks[j]!.lower) ? j : chunkStart(toks, j, floor);
  let c = next;
  if (COMPLEMENT_MARKERS.has(toks[c]?.lower ?? '')) c++;
  if (c > last || wordsBetween(toks, c, last) < 1) return null;
  const subject = span(toks, from, j);
  const complement = span(toks, c, last);
  return {
    content: { start: subject.start, end: complement.end },
    parts: [subject, complement],
    speaker: null,
    cue: span(toks, i, next - 1),
  };
}

/** Index of the last token of the sentence's text, before closing punctuation and quote marks. */
function lastContentToken(toks: Token[], from: number, to: number): number {
  let k = to;
  while (k >= from && !toks[k]!.word && !(toks[k]!.text === ')' || toks[k]!.text === '%')) k--;
  return k;
}

/** A noun phrase after a cue or "according to": up to a comma, a dash or the sentence end. */
function phraseAfter(toks: Token[], from: number, limit: number): number {
  let k = from;
  let parens = 0;
  while (k < toks.length && k - from < limit) {
    const t = toks[k]!;
    if (t.text === '(') parens++;
    else if (t.text === ')') parens--;
    else if (
      parens <= 0 &&
      !t.word &&
      (t.text === ',' || t.text === ';' || t.text === ':' || DASH.has(t.text) || /[.!?]/.test(t.text)) &&
      !isAbbreviationDot(toks, k)
    )
      break;
    k++;
  }
  return k - 1;
}

/** After a sentence-final or parenthetical "…, X said": the tail ("on Monday", "in a statement"), then where it ends. */
function tailEnd(toks: Token[], from: number, last: number): number | null {
  if (from > last) return last;
  const first = toks[from]!;
  if (first.text === ',') return from - 1;
  if (!TAIL_OPENERS.has(first.lower)) return null;
  let k = from;
  while (k <= last && k - from < 10) {
    const t = toks[k]!;
    if (t.text === ',' || (!t.word && /[.!?;]/.test(t.text) && !isAbbreviationDot(toks, k))) break;
    if (t.lower === 'that' || (!t.cap && CUE_VERBS.has(t.lower) && t.lower !== 'adding')) return null;
    k++;
  }
  if (k - from >= 10) return null;
  return k - 1;
}

const wordsBetween = (toks: Token[], from: number, to: number) => {
  let n = 0;
  for (let k = from; k <= to; k++) if (toks[k]!.word) n++;
  return n;
};

const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
const DEICTIC_DAYS = new Set(['yesterday', 'today', 'tonight']);
const TIME_NOUNS = new Set('week weekend month year morning afternoon evening night day'.split(' '));
const TIME_OPENERS = new Set(['on', 'last', 'this', 'next', 'early', 'late', 'in']);

/** Is token k a day, a month or a year, or a part of a day ("night")? */
function timeWord(toks: Token[], k: number): boolean {
  const t = toks[k];
  if (!t?.word) return false;
  return (
    WEEKDAYS.has(t.lower) ||
    MONTHS.has(t.lower) ||
    TIME_NOUNS.has(t.lower) ||
    /^(?:1[89]|20)\d\d$/.test(t.text) ||
    (/^\d{1,2}$/.test(t.text) && MONTHS.has(toks[k - 1]?.lower ?? ''))
  );
}

/**
 * The index after a time expression at k ("on Friday", "Thursday night", "last week", "in June 2012",
 * "yesterday"), or k. A verb's content or particle may come after one: "announced on Friday the arrest",
 * "voted Thursday to hold".
 */
function afterTime(toks: Token[], k: number): number {
  const t = toks[k];
  if (!t?.word) return k;
  if (DEICTIC_DAYS.has(t.lower)) return k + 1;
  let m = k;
  if (TIME_OPENERS.has(t.lower)) m++;
  // "in" only opens a month or a year ("in June", "in 2012"), not "in a statement".
  if (t.lower === 'in' && !(MONTHS.has(toks[m]?.lower ?? '') || /^\d{4}$/.test(toks[m]?.text ?? '')))
    return k;
  if (!timeWord(toks, m) || (m === k && !WEEKDAYS.has(t.lower))) return k;
  while (timeWord(toks, m + 1)) m++;
  return m + 1;
}

/** Skips "that", a colon and stray commas at the opening of a content. */
function contentFrom(toks: Token[], k: number, verb: CueVerb | null, last: number): number {
  if (verb?.addressee && k <= last) {
    // "told reporters (on Monday) that", "warned the council that", "asked CNN's host whether".
    let that = -1;
    for (let m = k; m <= Math.min(last, k + 8); m++) {
      if (toks[m]!.lower === 'that' || toks[m]!.lower === 'whether') {
        that = m;
        break;
      }
      if (!toks[m]!.word && toks[m]!.text !== ',' && !isAbbreviationDot(toks, m)) break;
    }
    if (that !== -1) k = that;
    else if (ADDRESSEES.has(toks[k]!.lower)) k++;
    else if (toks[k]!.cap) while (k <= last && toks[k]!.cap) k++;
    else if (toks[k]!.lower === 'the' && toks[k + 1] && !toks[k + 1]!.cap) k += 2;
  } else {
    // "said on Monday that", "said in a statement that", "cautioned, as did the campaign, that".
    for (let m = k; m <= Math.min(last, k + 12); m++) {
      if (toks[m]!.lower === 'that') {
        k = m;
        break;
      }
      const t = toks[m]!;
      if (!t.word && t.text !== ',' && !isAbbreviationDot(toks, m)) break;
      if (
        t.word &&
        !t.cap &&
        !/^\d/.test(t.text) &&
        !PREPOSITIONS.has(t.lower) &&
        !SETTING.has(t.lower) &&
        !isAdverb(t)
      )
        break;
    }
  }
  // "says at a campaign stop in Toledo, Ohio, that …", "told MSNBC's "Morning Joe" that …": a longer
  // setting or addressee, closed by "that" after a comma or a quote, with no verb of its own.
  if (k <= last && toks[k]!.lower !== 'that' && (PREPOSITIONS.has(toks[k]!.lower) || verb?.addressee)) {
    for (let m = k + 1; m <= Math.min(last, k + 16); m++) {
      const t = toks[m]!;
      if (t.lower === 'that') {
        const prev = toks[m - 1]!.text;
        if (prev === ',' || CLOSE_QUOTE.has(prev)) k = m;
        break;
      }
      if (
        t.word
          ? !t.cap && CUE_VERBS.has(t.lower) && !NOUNLIKE.has(t.lower)
          : t.text === ';' || t.text === ':' || (/[.!?]/.test(t.text) && !isAbbreviationDot(toks, m))
      )
        break;
    }
  }
  if (k <= last && toks[k]!.lower !== 'that') k = Math.min(afterTime(toks, k), last + 1);
  while (k <= last && (toks[k]!.lower === 'that' || toks[k]!.text === ':' || toks[k]!.text === ',')) k++;
  return k;
}

/** A headline in title case: most longer words after the first are capitalised ("Obama Says Museum Will …"). */
function titleCase(toks: Token[], last: number): boolean {
  let words = 0;
  let caps = 0;
  for (let k = 1; k <= last; k++) {
    const t = toks[k]!;
    if (!t.word || t.text.length < 4) continue;
    const first = t.text.charCodeAt(0);
    if (first >= 48 && first <= 57) continue;
    words++;
    if (t.cap) caps++;
    // Four lowercase words among the first eight longer ones: running text, not a headline.
    else if (words - caps >= 4 && words <= 8) return false;
  }
  return words >= 3 && caps >= words * 0.75;
}

/**
 * Capitalised reporting verbs of a title-case headline in the present tense ("Says", "Shows", "Vows"):
 * read as verbs (their tokens copied without the capital) and added to `verbs`.
 */
function headlineVerbs(toks: Token[], last: number, verbs: number[]): void {
  let added = false;
  for (let k = 1; k <= last; k++) {
    const t = toks[k]!;
    if (!t.cap || !t.lower.endsWith('s') || !CUE_VERBS.has(t.lower) || NOUNLIKE.has(t.lower)) continue;
    toks[k] = { ...t, cap: false };
    verbs.push(k);
    added = true;
  }
  if (added) verbs.sort((a, b) => a - b);
}

/** Is the content at `from` introduced by a "that" or a colon after the cue ("noted that, like him, …")? */
function introduced(toks: Token[], after: number, from: number): boolean {
  for (let k = after; k < from; k++) if (toks[k]!.lower === 'that' || toks[k]!.text === ':') return true;
  return false;
}

/** The subject opening the sentence: a pronoun or a name ("Senator Ana Ruiz of Ohio"). */
function openingSubject(toks: Token[], at = 0): Span | null {
  const first = toks[at];
  if (!first) return null;
  if (/^(?:he|she|they|we|i)$/.test(first.lower)) return span(toks, at, at);
  if (/^(?:the|a|an)$/.test(first.lower)) return describedSubject(toks, at);
  if (!first.cap || NOT_HEAD.has(first.lower) || SUBJECT_STOP.has(first.lower)) return null;
  let k = at;
  while (
    k + 1 < toks.length &&
    (toks[k + 1]!.cap || isAbbreviationDot(toks, k + 1) || (toks[k + 1]!.lower === 'of' && toks[k + 2]?.cap))
  )
    k++;
  return span(toks, at, k);
}

/**
 * "The Republican National Committee", "The campaign": a subject of an article and names or an agent
 * noun, ended by the auxiliary or verb after it ("… is filing a complaint, claiming that …").
 */
function describedSubject(toks: Token[], at: number): Span | null {
  let k = at + 1;
  while (
    k < toks.length &&
    k <= at + 8 &&
    (toks[k]!.cap || isAbbreviationDot(toks, k) || (toks[k]!.lower === 'of' && toks[k + 1]?.cap))
  )
    k++;
  // An agent noun after up to two modifiers: "the board", "the harbour board", "the city transport board".
  for (let m = k; m <= k + 2 && toks[m]?.word && !toks[m]!.cap && !BETWEEN.has(toks[m]!.lower); m++)
    if (AGENTS.has(toks[m]!.lower)) {
      k = m + 1;
      break;
    }
  // The word after the subject is its verb or an auxiliary: lowercase, and not a preposition.
  const next = toks[k];
  if (k === at + 1 || !next?.word || next.cap) return null;
  if (!BETWEEN.has(next.lower) && (SUBJECT_STOP.has(next.lower) || NOT_HEAD.has(next.lower))) return null;
  return span(toks, at, k - 1);
}

/**
 * "Citing the delays, the mayor said …", "Claiming the vote was rigged, Ruiz left": a participle of a
 * reporting verb opening the sentence. Its content runs to the comma, its speaker is the subject after it.
 */
function openingParticiple(toks: Token[], last: number): Clause | null {
  const verb = toks[0]!;
  const entry = verb.cap && /ing$/.test(verb.lower) ? CUE_VERBS.get(verb.lower) : undefined;
  // A verb that needs a particle is a cue only with it ("Speaking to students" is not).
  if (!entry || entry.needs) return null;
  let comma = 1;
  while (comma < last && toks[comma]!.text !== ',') comma++;
  if (comma >= last || comma > 25) return null;
  const speaker = openingSubject(toks, comma + 1);
  let from = 1;
  while (from < comma && (toks[from]!.lower === 'that' || !toks[from]!.word)) from++;
  if (!speaker || wordsBetween(toks, from, comma - 1) < 1) return null;
  return { content: span(toks, from, comma - 1), speaker, cue: span(toks, 0, 0) };
}

/** Does position `pos` lie inside (or on the marks of) one of the quoted spans? */
function isQuoted(quoted: readonly Span[], pos: number): boolean {
  for (let q = 0; q < quoted.length; q++)
    if (quoted[q]!.start - 1 <= pos && pos <= quoted[q]!.end) return true;
  return false;
}

interface Closing {
  clause: Clause;
  /** The last token the attribution and its content take up. */
  end: number;
}

/**
 * A closing or parenthetical attribution: "…, X said (on Monday).", "…, said X.", "…, X said, …". What
 * follows a closing one ("…, she said, adding that …") is left to the other passes.
 */
function closingAttribution(
  toks: Token[],
  verbs: readonly number[],
  quoted: readonly Span[],
  last: number,
): Closing | null {
  for (let c = 0; c < verbs.length; c++) {
    const i = verbs[c]!;
    if (i < 2) continue;
    const cue = cueAt(toks, i);
    if (!cue || isQuoted(quoted, toks[i]!.start)) continue;
    if (!TRAILING.has(cue.verb.lemma) || /ing$/.test(toks[i]!.lower)) continue;
    let speaker: Span | null = null;
    let segStart: number;
    let segEnd: number | null;
    const prev = toks[i - 1]!;
    if (
      prev.text === ',' ||
      DASH.has(prev.text) ||
      (CLOSE_QUOTE.has(prev.text) && toks[i - 2]?.text === ',')
    ) {
      // "Ruiz, a former aide, said …" opens the sentence with its speaker: not a closing attribution.
      const lead = subjectOf(toks, i, 0);
      if (lead && lead.from === 0) continue;
      // "…, said X (, a former minister)."
      const sEnd = phraseAfter(toks, cue.next, 12);
      if (sEnd < cue.next || (sEnd < last && toks[sEnd + 1]?.text !== ',')) continue;
      const head = headKind(toks, cue.next, cue.next);
      if (!head && !(toks[cue.next]!.lower === 'the' || toks[cue.next]!.lower === 'a')) continue;
      if (PRONOUNS.has(toks[cue.next]!.lower) && sEnd > cue.next) continue;
      let clause = false;
      for (let k = cue.next + 1; k <= sEnd; k++)
        if (toks[k]!.lower === 'that' || (!toks[k]!.cap && CUE_VERBS.has(toks[k]!.lower))) clause = true;
      if (clause) continue;
      speaker = span(toks, cue.next, sEnd);
      segStart = i - 1;
      segEnd = sEnd;
      // An apposition after the name: "…, said Jo Ruiz, a former aide."
      if (toks[sEnd + 1]?.text === ',') {
        const app = phraseAfter(toks, sEnd + 2, 20);
        if (app >= last - 1 || toks[app + 1]?.text !== ',') segEnd = app;
      }
    } else {
      const subj = subjectOf(toks, i, 0);
      if (!subj) continue;
      const open = toks[subj.from - 1];
      if (
        !open ||
        !(
          open.text === ',' ||
          DASH.has(open.text) ||
          (CLOSE_QUOTE.has(open.text) && toks[subj.from - 2]?.text === ',')
        )
      )
        continue;
      if (!subj.strong && !/^(?:the|a|an|one|another)$/.test(toks[subj.from]!.lower)) continue;
      speaker = span(toks, subj.from, subj.to);
      segStart = subj.from - 1;
      segEnd = tailEnd(toks, cue.next, last);
      if (segEnd === null) continue;
    }
    if (segEnd === null) continue;
    let before = segStart - 1;
    while (before >= 0 && !toks[before]!.word) before--;
    const wordsBefore = before >= 0 ? wordsBetween(toks, 0, before) : 0;
    const afterFrom = segEnd + 1;
    let a = afterFrom;
    while (a <= last && !toks[a]!.word) a++;
    const wordsAfter = a <= last ? wordsBetween(toks, a, last) : 0;
    const cueSpan = { start: toks[i]!.start, end: toks[cue.next - 1]!.end };
    if (wordsBefore >= 3) {
      const head = span(toks, 0, before);
      if (wordsAfter < 2 || !continuesContent(toks, a))
        return { clause: { content: head, speaker, cue: cueSpan }, end: segEnd };
      // "Acts of protest, he said, are acts of patriotism": the words after a parenthetical attribution
      // finish the content.
      const rest = span(toks, a, last);
      return {
        clause: { content: { start: head.start, end: rest.end }, parts: [head, rest], speaker, cue: cueSpan },
        end: last,
      };
    }
    if (wordsAfter >= 3)
      return { clause: { content: span(toks, a, last), speaker, cue: cueSpan }, end: last };
  }
  return null;
}

/**
 * Does the comma before the verb at i close the relative clause that `current` is ("…, who understood
 * that …, told …")? Its speaker is "who" or "which" after a comma, and its content has no comma of its own.
 */
function closesRelative(toks: Token[], i: number, current: Clause): boolean {
  if (toks[i - 1]?.text !== ',' || !current.speaker) return false;
  let w = i - 2;
  while (w > 0 && toks[w]!.start > current.speaker.start) {
    if (toks[w]!.text === ',') return false;
    w--;
  }
  const pronoun = toks[w]!;
  return (
    pronoun.start === current.speaker.start &&
    (pronoun.lower === 'who' || pronoun.lower === 'which') &&
    toks[w - 1]?.text === ','
  );
}

/**
 * A verb inside the content of the attribution before opens one of its own only after a coordinator:
 * "…, but engineers argued …", "… and he noted …", "… because they felt …", "…, who says …". Ends the
 * content before at the coordinator and tells whether the verb opens an attribution.
 */
function endsAtCoordinator(toks: Token[], i: number, floor: number, current: Clause): boolean {
  const subj = subjectOf(toks, i, floor);
  if (!subj) return false;
  const before = toks[subj.from - 1];
  const before2 = toks[subj.from - 2];
  const head = toks[subj.from]!;
  // A named or pronoun subject opens a clause of its own after "and", "because", "although", a dash. So
  // does "who" after a comma.
  const named = subj.strong && subj.to - subj.from <= 3 && (head.cap || PRONOUNS.has(head.lower));
  const coordinated =
    before &&
    (before.text === ';' ||
      (COORDINATORS.has(before.lower) &&
        (before2?.text === ',' || before2?.text === ';' || DASH.has(before2?.text ?? '') || named)) ||
      (SUBORDINATORS.has(before.lower) && named) ||
      (before.text === ',' && subj.from === subj.to && head.lower === 'who'));
  if (!coordinated) return false;
  const cut =
    before.text === ',' || before.text === ';'
      ? subj.from - 2
      : before2?.text === ',' || before2?.text === ';' || DASH.has(before2?.text ?? '')
        ? subj.from - 3
        : subj.from - 2;
  if (cut < 0) return false;
  endContent(current, toks[cut]!.end);
  return true;
}

/** Do the words at `a`, after a parenthetical attribution, go on with the content before it? */
function continuesContent(toks: Token[], a: number): boolean {
  const t = toks[a]!;
  if (COORDINATORS.has(t.lower) || t.lower === 'according' || PRONOUNS.has(t.lower)) return false;
  return !(/ing$/.test(t.lower) && CUE_VERBS.has(t.lower));
}

/**
 * Attributions in one sentence. `quoted` are the contents of the direct quotes in it: words
 * there are the speaker's, not the narrator's, and carry no cue. `quoteSpeaker` is the speaker of a direct
 * quote in the sentence, for what follows it ('"…," she said, adding that …').
 */
export function findClauses(
  text: string,
  sentence: Span,
  quoted: readonly Span[],
  quoteSpeaker: Span | null = null,
): Clause[] {
  // Tokens that are forms of a reporting verb: the only places the two verb passes below look at.
  const verbs: number[] = [];
  const toks = tokenize(text, sentence, verbs);
  if (toks.length < 3) return [];
  const last = lastContentToken(toks, 0, toks.length - 1);
  if (last < 2) return [];
  const out: Clause[] = [];
  while (verbs.length && verbs[verbs.length - 1]! > last) verbs.pop();
  if (verbs[0] === 0) verbs.shift();
  if (titleCase(toks, last)) headlineVerbs(toks, last, verbs);

  // "according to X" in either position.
  for (let k = 0; k < last; k++) {
    if (toks[k]!.lower !== 'according' || toks[k + 1]?.lower !== 'to' || isQuoted(quoted, toks[k]!.start))
      continue;
    const sEnd = phraseAfter(toks, k + 2, 16);
    if (sEnd < k + 2) continue;
    const cue = span(toks, k, k + 1);
    const speaker = span(toks, k + 2, sEnd);
    const before = wordsBetween(toks, 0, k - 1);
    const afterFrom = contentFrom(toks, sEnd + 1, null, last);
    const after = afterFrom <= last ? wordsBetween(toks, afterFrom, last) : 0;
    if (before >= 3 && (before >= after || k > 0)) {
      let end = k - 1;
      while (end > 0 && !toks[end]!.word) end--;
      out.push({ content: span(toks, 0, end), speaker, cue });
    } else if (after >= 2) out.push({ content: span(toks, afterFrom, last), speaker, cue });
    return out;
  }

  const closing = closingAttribution(toks, verbs, quoted, last);
  if (closing) out.push(closing.clause);
  const participle = closing ? null : openingParticiple(toks, last);
  if (participle && !isQuoted(quoted, participle.cue.start)) out.push(participle);

  // "X (has also) said (on Monday) (that) …", several per sentence: "X said …, and Y argued …".
  let current: Clause | null = closing?.clause ?? null;
  let floor = closing ? closing.end + 1 : 0;
  for (let c = 0; c < verbs.length; c++) {
    const i = verbs[c]!;
    if (closing && i <= closing.end) continue;
    const cue = cueAt(toks, i);
    if (!cue || isQuoted(quoted, toks[i]!.start)) continue;
    // A second verb of the same speaker: "… and called for …", "…, saying …", "…, adding that …".
    let k = i - 1;
    while (k > 0 && toks[k]!.word && isBetween(toks[k]!) && !PASSIVE_BE.has(toks[k]!.lower)) k--;
    const joiner = toks[k]!;
    const before = current as Clause | null;
    // ('"…," Ruiz said, adding that …' and '"…," adding that …' alike.)
    const comma = joiner.text === ',' || (CLOSE_QUOTE.has(joiner.text) && toks[k - 1]?.text === ',');
    if (joiner.lower === 'and' || joiner.lower === 'but' || (comma && /ing$/.test(toks[i]!.lower))) {
      const speaker = before?.speaker ?? quoteSpeaker ?? openingSubject(toks);
      if (!speaker || speaker.start >= toks[i]!.start) continue;
      if (current && toks[i]!.start < current.content.end) {
        let cut = k - 1;
        if (toks[cut]?.text === ',') cut--;
        if (cut < 0 || toks[cut]!.end <= current.content.start) continue;
        endContent(current, toks[cut]!.end);
      }
      const from = contentFrom(toks, cue.next, cue.verb, last);
      if (from > last || wordsBetween(toks, from, last) < 2 || REFLEXIVE.test(toks[from]!.lower)) continue;
      if (
        TRAILING.has(cue.verb.lemma) &&
        PREPOSITIONS.has(toks[from]!.lower) &&
        !cue.verb.takes?.includes(toks[from]!.lower) &&
        !introduced(toks, cue.next, from)
      )
        continue;
      current = {
        content: span(toks, from, last),
        speaker,
        cue: { start: toks[i]!.start, end: toks[cue.next - 1]!.end },
      };
      out.push(current);
      floor = from;
      continue;
    }
    if (current && toks[i]!.start < current.content.end) {
      if (closesRelative(toks, i, current)) {
        // "Obama, who understood that …, told his advisers …": the relative clause ends at the comma and
        // the verb after it is the main clause's, whose subject is before the relative clause.
        endContent(current, toks[i - 2]!.end);
        floor = 0;
      } else if (!endsAtCoordinator(toks, i, floor, current)) continue;
    }
    const subj = subjectOf(toks, i, floor);
    if (!subj) {
      // "The story was first reported by the Post": what was reported, and by whom.
      const by = passiveBy(toks, i, cue.next, floor) ?? passiveWithoutAgent(toks, i, cue.next, floor, last);
      if (by) {
        current = by;
        out.push(by);
        floor = cue.next;
      }
      continue;
    }
    // '"…," Ruiz said on Monday': the attribution of the quote before, with no content of its own.
    const opener = toks[subj.from - 1];
    if (
      opener &&
      (CLOSE_QUOTE.has(opener.text) ||
        (opener.text === ',' && CLOSE_QUOTE.has(toks[subj.from - 2]?.text ?? '')))
    )
      continue;
    const next = toks[cue.next];
    if (!next) continue;
    // "the plans", "the United States": a noun, unless a clear subject and a particle make it a verb
    // ("Former chairman calls for Clinton plan").
    const particle = cue.next > i + 1;
    if (NOUNLIKE.has(toks[i]!.lower) && (!subj.strong || (next.cap && !particle) || next.text === ','))
      continue;
    if (next.text === ',' && !TRAILING.has(cue.verb.lemma)) continue;
    const from = contentFrom(toks, cue.next, cue.verb, last);
    if (from > last || wordsBetween(toks, from, last) < 1) continue;
    const first = toks[from]!;
    if (first.text === '.' || (OPEN_QUOTE.has(first.text) && from === last)) continue;
    // "reported from Kabul", "called into the show", "find themselves": not reported speech. ("told the
    // council to hire …" is: "to" after an addressee opens what they were told.)
    if (
      (TRAILING.has(cue.verb.lemma) &&
        PREPOSITIONS.has(first.lower) &&
        !cue.verb.takes?.includes(first.lower) &&
        !introduced(toks, cue.next, from) &&
        !(cue.verb.addressee && first.lower === 'to' && from > cue.next)) ||
      REFLEXIVE.test(first.lower)
    )
      continue;
    // "When Ruiz noted that …, the mayor replied …": an attribution in an opening subordinate clause ends
    // at the clause's comma.
    let end = last;
    // ("Back when he wrote his book, McKinley said …": a word or two may come before the conjunction.)
    if (subj.from >= 1 && subj.from <= 3 && OPENING_SUBORDINATORS.has(toks[subj.from - 1]!.lower)) {
      let comma = from + 2;
      while (comma < last && toks[comma]!.text !== ',') comma++;
      if (comma < last && wordsBetween(toks, comma + 1, last) >= 3) end = comma - 1;
    }
    current = {
      content: span(toks, from, end),
      speaker: span(toks, subj.from, subj.to),
      cue: { start: toks[i]!.start, end: toks[cue.next - 1]!.end },
    };
    out.push(current);
    floor = from;
  }

  // "X's claim that …", "his call for …": a reporting noun with its possessor.
  if (out.length === 0)
    for (let k = 1; k < last; k++) {
      const t = toks[k]!;
      if (t.cap || !CUE_NOUNS.has(t.lower) || isQuoted(quoted, t.start)) continue;
      const nextLower = toks[k + 1]?.lower;
      if (nextLower !== 'that' && nextLower !== 'for' && nextLower !== 'to') continue;
      let p = k - 1;
      while (
        p > 0 &&
        k - p < 3 &&
        !/['’]s?$/.test(toks[p]!.text) &&
        !/^(?:his|her|their|its|our)$/.test(toks[p]!.lower) &&
        toks[p]!.word &&
        !toks[p]!.cap
      )
        p--;
      const owner = toks[p]!;
      if (!/['’]s?$/.test(owner.text) && !/^(?:his|her|their|its|our)$/.test(owner.lower)) continue;
      const from = k + 2;
      if (from > last) continue;
      const ownerFrom = /^(?:his|her|their|its|our)$/.test(owner.lower) ? p : chunkStart(toks, p, 0);
      out.push({
        content: span(toks, from, last),
        speaker: span(toks, ownerFrom, p),
        cue: span(toks, k, k),
      });
      break;
    }
  return out;
}
