/**
 * Reported speech inside one sentence, read from its words: "X (has also) said (on Monday) (that) …",
 * "…, X said (on Monday).", "…, as X said.", "…, said X.", "The plan, X said, …", "according to X, …",
 * "…, according to X.", "X's claim that …", "X told reporters …", "X, a former minister, argued …", "X was
 * critical of …", "what X said", "X met Y to discuss …", "it is clear that …". Each attribution has a cue, a
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
    } else if (c === 45 && text.charCodeAt(p + 1) === 45) p += 2;
    else p++;
    let t = text.slice(start, p);
    // "The pier - critics call it a relic - still stands": a hyphen between spaces is a dash.
    if (t === '-' && isSpace(text.charCodeAt(start - 1)) && isSpace(text.charCodeAt(p))) t = '--';
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
/**
 * Conjunctions opening a clause of reasons, concessions and time inside a content: "… because they felt
 * …", "… after she accused …". ("as" is left out: it also compares, and "even as she admits …" stays in
 * the content.)
 */
const SUBORDINATORS = new Set([
  'because',
  'since',
  'although',
  'though',
  'whereas',
  'while',
  'after',
  'before',
]);
/** Words that may open the tail after a closing "…, X said": when, where, to whom. */
const TAIL_OPENERS = new Set(
  'on in at during after before last this late early while when to from by with adding reporters journalists monday tuesday wednesday thursday friday saturday sunday yesterday today earlier later recently previously afterward afterwards again too also then told via'.split(
    ' ',
  ),
);
/** Verbs that close a sentence as its attribution: "…, she said.", "…, he added." */
const TRAILING = new Set(
  'say add tell write note explain argue insist warn acknowledge claim report reply respond conclude predict suggest tweet recall confirm announce believe think estimate state contend allege admit emphasize stress caution observe remark ask counter quip joke concede maintain assert complain declare continue point show find reveal indicate learn'.split(
    ' ',
  ),
);
/**
 * Prepositions that open no content of any cue verb unless it takes them: "proposed during his term",
 * "imposed by the agency", "detailed in its filings", "backed out".
 */
const NOT_CONTENT = new Set(
  'by during in at into from out up down off through after before since until under amid among around via near away'.split(
    ' ',
  ),
);
/** Prepositions that mean "roughly" before a number: "about 20", "over $5 million". */
const APPROXIMATORS = new Set(['about', 'around', 'over', 'under', 'nearly', 'almost']);
/** Verbs of showing that close a sentence ("…, a poll shows.") but never before their subject. */
const NOT_INVERTED = new Set(['show', 'find', 'reveal', 'indicate', 'learn']);
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
  'appear appears appeared seem seems seemed try tries tried continue continues continued begin begins began on yet able unable going need needs needed has have had used set'.split(
    ' ',
  ),
);

/** Verbs taking an "-ing" form as their object: "kept saying", "avoids condemning", "began criticizing". */
const ASPECTUAL = new Set(
  'avoid avoids avoided keep keeps kept stop stops stopped start starts started begin begins began continue continues continued resist resists resisted quit quits risk risks risked'.split(
    ' ',
  ),
);

/** A pronoun and a contracted auxiliary in one token: "he’s", "who's", "they’ve", "she’ll", "I’m". */
const CONTRACTED = /^(?:he|she|it|they|we|i|you|who|that)['’](s|ll|ve|d|re|m)$/;

const MODAL_VERBS = new Set('would will could can might may should must'.split(' '));

/** Words after which a form is a verb: "would back", "will support", "to plan". */
const MODALS = new Set('will would can could should may might must to did does do'.split(' '));

/** Auxiliaries and modals, which never open a verb's object. */
const AUXILIARIES = new Set(
  "is are was were has have had will would can could should may might must does did isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't doesn't didn't isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t won’t wouldn’t can’t couldn’t shouldn’t doesn’t didn’t".split(
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
    // "voted Thursday to", "ruled on Friday against", "spoke emotionally of", "made it clear".
    let particle = i + 1;
    while (
      particle < i + 3 &&
      toks[particle] &&
      (isAdverb(toks[particle]!) || toks[particle]!.lower === 'it')
    )
      particle++;
    if (!verb.needs.includes(toks[particle]?.lower ?? '')) particle = afterTime(toks, i + 1);
    return verb.needs.includes(toks[particle]?.lower ?? '') ? { verb, next: particle + 1 } : null;
  }
  if (verb.later) {
    // "portrayed himself as …": the particle within eight words of the verb, in the same clause. In the
    // passive it follows the verb: "was portrayed as …".
    let b = i - 1;
    while (b > 0 && isAdverb(toks[b]!)) b--;
    const first = PASSIVE_BE.has(toks[b]?.lower ?? '') ? i + 1 : i + 2;
    for (let k = first; k < toks.length && k <= i + 9; k++) {
      const w = toks[k]!;
      if (!w.word && !isAbbreviationDot(toks, k) && w.text !== '’' && w.text !== "'") return null;
      if (verb.later.includes(w.lower)) return { verb, next: i + 1 };
    }
    return null;
  }
  if (verb.takes && after && verb.takes.includes(after)) return { verb, next: i + 2 };
  // "called Friday for", "warned on Monday against".
  if (verb.takes) {
    const particle = afterTime(toks, i + 1);
    if (particle > i + 1 && verb.takes.includes(toks[particle]?.lower ?? ''))
      return { verb, next: particle + 1 };
  }
  // "wrote about", "tweeted about", "wondered about": what a verb of saying or thinking is about is its content.
  // ("said about 20 people …" is a number.)
  if (after === 'about' && !verb.adjective && !/^[\d$]/.test(toks[i + 2]?.text ?? ''))
    return { verb, next: i + 2 };
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
      // ("That’s what the board hopes": a pronoun with its verb ends the subject.)
      if (t.text.length > 2 && CONTRACTED.test(t.lower)) break;
      from = k;
    } else if (isAbbreviationDot(toks, k) || t.text === '-' || t.text === '&') {
    } else if (t.text === ')') {
      const open = toks.lastIndexOf(toks.slice(Math.max(floor, k - 8), k).findLast((x) => x.text === '(')!);
      if (open < floor || open === -1) break;
      k = open;
    } else break;
  }
  // Sentence openers and prepositions left at the front ("After harbour officials insisted") are not the subject.
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

/**
 * Does the context make the form at i, often a noun, a noun here? Before a dash ("island claims – a
 * third of them – were rejected"), or as the subject of a verb after it ("the ferry protest remained
 * calm", "harbour debate audiences are polite").
 */
function nounReading(toks: Token[], i: number): boolean {
  const next = toks[i + 1];
  if (!next) return false;
  if (!next.word) return DASH.has(next.text) || next.text === '-';
  if (next.cap || CUE_VERBS.has(next.lower)) return false;
  // The word after is a past verb, or a noun before an auxiliary.
  if (/ed$/.test(next.lower) && !DETERMINERS.has(next.lower)) return true;
  const after = toks[i + 2];
  return (
    !!after && (PASSIVE_BE.has(after.lower) || AUXILIARIES.has(after.lower)) && !PRONOUNS.has(next.lower)
  );
}

/** Is the apostrophe at token k the mark of a plural's possessive ("the attendants' union")? */
function possessiveMark(toks: Token[], k: number): boolean {
  const t = toks[k]!;
  const before = toks[k - 1];
  return (
    (t.text === "'" || t.text === '’') && !!before?.word && before.end === t.start && /s$/i.test(before.text)
  );
}

/** Is token k a word that can head a subject? */
function headKind(toks: Token[], k: number, floor: number): 'strong' | 'weak' | null {
  const t = toks[k];
  if (!t || k < floor) return null;
  if (PRONOUNS.has(t.lower)) return t.lower === 'you' || t.lower === 'it' ? 'weak' : 'strong';
  if (!t.word) return t.text === '%' ? 'strong' : null;
  if (/['’]s$/.test(t.lower) || /['’]$/.test(t.text)) return null;
  if (QUANTIFIERS.has(t.lower)) return 'strong';
  // "No one expected", "everyone agreed".
  if (t.lower === 'one' && /^(?:no|every|any|some)$/.test(toks[k - 1]?.lower ?? '')) return 'strong';
  if (t.cap) {
    if (NOT_HEAD.has(t.lower) || SUBJECT_STOP.has(t.lower)) return null;
    return 'strong';
  }
  if (/^\d/.test(t.text)) return null;
  if (NOT_HEAD.has(t.lower) || SUBJECT_STOP.has(t.lower) || isBetween(t)) return null;
  if (AGENTS.has(t.lower)) return 'strong';
  if (/(?:ing|ed)$/.test(t.lower)) return null;
  // "the veto", "Ruiz’s pledge": after a determiner or a possessive, a verb form is a noun.
  if (CUE_VERBS.has(t.lower) && !NOUNLIKE.has(t.lower)) {
    const before = toks[k - 1];
    if (!before || k - 1 < floor || !(DETERMINERS.has(before.lower) || /['’]s?$/.test(before.text)))
      return null;
  }
  return 'weak';
}

/** The subject of the cue at token i: the noun phrase before it, past auxiliaries and adverbs. */
function subjectOf(toks: Token[], i: number, floor: number): Subject | null {
  let j = i - 1;
  let skipped = 0;
  let passive = false;
  // Past "to", a "be" is the raising verb's ("was able to explain"), not the cue's.
  let raised = false;
  // The cue is a participle in "-ing": a "be" before it makes a progressive, which has a subject. After
  // a verb of beginning, going on or avoiding ("kept saying", "avoids condemning") it is that verb's object,
  // and the subject is the one before that verb.
  let ing = /ing$/.test(toks[i]!.lower);
  if (ing && j > floor && ASPECTUAL.has(toks[j]!.lower)) {
    ing = false;
    j--;
  }
  // "he’s called for", "who’s saying", "she’ll present": a pronoun and its auxiliary in one token.
  let contracted = false;
  while (j >= floor && skipped < 5 && toks[j]!.word) {
    const auxiliary = CONTRACTED.exec(toks[j]!.lower)?.[1];
    if (auxiliary) {
      // "’s" is "is" before an "-ing" form and "has" before a participle; "’re" and "’m" are always "be".
      if (!raised && (auxiliary === 're' || auxiliary === 'm' || (auxiliary === 's' && ing))) passive = true;
      contracted = true;
      break;
    }
    if (isBetween(toks[j]!)) {
      if (PASSIVE_BE.has(toks[j]!.lower) && !raised) passive = true;
      j--;
      skipped++;
    } else if (toks[j]!.lower === 'to' && j > floor && RAISING.has(toks[j - 1]!.lower)) {
      // "he appeared to suggest", "she has tried to explain", "he went on to say", "was able to show".
      j -= 2;
      skipped += 2;
      raised = true;
      if (j > floor && toks[j + 1]!.lower === 'on' && /^(?:go|goes|went|gone)$/.test(toks[j]!.lower)) j--;
    } else {
      // "Ruiz on Monday said", "a review in 2001 found": a time between the subject and its verb.
      const time = timeBefore(toks, j, floor);
      if (time <= floor) break;
      j = time - 1;
      skipped++;
    }
  }
  // "was asked", "were told": the grammatical subject is the one spoken to, not the speaker. A bare
  // "-ing" form ("…, adding that", "additional reporting by") has no subject of its own here.
  // An adjective needs its "be" ("was sure"); a verb must not have one ("was asked").
  const entry = CUE_VERBS.get(toks[i]!.lower);
  // "an ad questioning whether …", "a letter urging them to …", "with the guild backing the council": an
  // "-ing" form right after a noun modifies it, and the noun is its subject.
  // ("the financial backing of", "a Senate hearing": forms that are mostly nouns are left out.)
  const modifier =
    ing &&
    !passive &&
    j === i - 1 &&
    j >= floor &&
    // ("with the polls showing …": after "with" the form is the verb of an absolute phrase.)
    (!NOUNLIKE.has(toks[i]!.lower) || toks[antecedentStart(toks, j, floor) - 1]?.lower === 'with') &&
    toks[i + 1]?.lower !== 'of' &&
    !PRONOUNS.has(toks[j]!.lower) &&
    headKind(toks, j, floor);
  if (modifier) {
    // A document speaks for whoever issued it: in "the board sent a letter urging …" the speaker is the
    // board, if the sentence opens with it. Otherwise the noun phrase, back to its determiner.
    const author = DOCUMENTS.has(toks[j]!.lower) ? sentenceSubject(toks, j) : null;
    if (author && author.end <= toks[j]!.start) {
      const from = tokenAt(toks, author.start);
      return { from, to: tokenAt(toks, author.end - 1), strong: true };
    }
    return { from: antecedentStart(toks, j, floor), to: j, strong: modifier === 'strong' };
  }
  if (entry?.adjective ? !passive : passive !== ing && !(entry?.alsoAdjective && passive)) return null;
  if (j < floor) return null;
  if (contracted) return { from: j, to: j, strong: !/^(?:it|you|that)/.test(toks[j]!.lower) };
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
  // A party tag: "Sen. Ada Ruiz (D-Ore.) said".
  if (t.text === ')') {
    let open = j - 1;
    while (open > floor && j - open < 10 && toks[open]!.text !== '(') open--;
    if (toks[open]?.text !== '(') return null;
    const kind = headKind(toks, open - 1, floor);
    if (!kind) return null;
    return { from: chunkStart(toks, open - 1, floor), to: j, strong: kind === 'strong' };
  }
  // An apposition or a relative clause between dashes: "The film — which weaves together … — explains".
  if (DASH.has(t.text)) {
    let open = j - 1;
    while (open > floor && j - open < 40 && toks[open]!.text !== t.text) open--;
    if (toks[open]?.text !== t.text || j - open < 3) return null;
    const kind = headKind(toks, open - 1, floor);
    if (!kind) return null;
    return { from: chunkStart(toks, open - 1, floor), to: open - 1, strong: kind === 'strong' };
  }
  // An apposition or a relative clause between commas: "Brandt, a senior adviser, said".
  if (t.text === ',') {
    let open = j - 1;
    while (open > floor && j - open < 30 && toks[open]!.text !== ',' && !OPEN_QUOTE.has(toks[open]!.text))
      open--;
    if (toks[open]?.text !== ',' || j - open < 2) return null;
    // "Ruiz, 61, who has chaired …, told": an age between the name and the clause.
    let head = open - 1;
    if (/^\d{1,3}$/.test(toks[head]?.text ?? '') && toks[head - 1]?.text === ',' && head - 2 >= floor)
      head -= 2;
    const kind = headKind(toks, head, floor);
    // A relative clause is left out of the speaker: "Okafor, who knew that …, told".
    const relative = toks[open + 1]!.lower === 'who' || toks[open + 1]!.lower === 'which';
    // ("Other unions, including the dockers, have endorsed …": a list of members makes a plural head a
    // speaker.)
    const members = /^(?:including|especially|notably)$/.test(toks[open + 1]!.lower);
    // "A lawyer for the outlets, David Schulz, said": a name in apposition makes a weak head strong, and so
    // does a relative clause ("The alliance, which includes …, argues").
    if (kind !== 'strong' && !(kind === 'weak' && (relative || members || isName(toks, open + 1, j - 1))))
      return null;
    return { from: chunkStart(toks, head, floor), to: relative ? open - 1 : j - 1, strong: true };
  }
  // "a lobby group that plans to …", "nations that oppose …": "that" right before a verb, after a noun,
  // is a relative pronoun and the verb's subject ("said that" is not: a verb before it). The speaker is
  // the noun it stands for.
  if (t.lower === 'that' && j > floor && toks[j - 1]!.word && !CUE_VERBS.has(toks[j - 1]!.lower)) {
    const antecedent = headKind(toks, j - 1, floor) ? antecedentStart(toks, j - 1, floor) : j;
    return { from: antecedent, to: antecedent < j ? j - 1 : j, strong: true };
  }
  // "many of whom say", "most of them agreed", "two of us thought": the quantifier is the head.
  if (
    /^(?:whom|which|them|us|those|these)$/.test(t.lower) &&
    toks[j - 1]?.lower === 'of' &&
    j - 2 >= floor &&
    (QUANTIFIERS.has(toks[j - 2]!.lower) ||
      /^(?:\d+|one|two|three|four|five|ten|none)$/.test(toks[j - 2]!.lower))
  )
    return { from: j - 2, to: j, strong: true };
  const relative = bareRelative(toks, j, floor);
  if (relative) return relative;
  const kind = headKind(toks, j, floor);
  if (!kind) return null;
  if (PRONOUNS.has(t.lower)) return { from: j, to: j, strong: kind === 'strong' };
  if (t.lower === 'one' && /^(?:no|every|any|some)$/.test(toks[j - 1]?.lower ?? ''))
    return { from: j - 1, to: j, strong: true };
  const from = chunkStart(toks, j, floor);
  return { from, to: dot ? j + 1 : j, strong: kind === 'strong' };
}

/** Words after a verb that show it has no object of its own: a clause, a preposition, the sentence end. */
const NO_OBJECT = new Set(
  'when before after while because if and but or so than then until since'.split(' '),
);
/** Prepositions of time and place that may follow a verb without its object ("what she said in 2014"). */
const GAP_SETTING = new Set('in at during on last this yesterday today earlier later'.split(' '));

/**
 * The index of "what", "which" or a relative "that" standing for the object of the cue whose subject is
 * `subj` ("what Wahl said", "which the bank detailed in its filings"), or -1. The cue must have no object
 * of its own: the sentence, a clause or a preposition follows it.
 */
function objectGap(toks: Token[], subj: Subject, next: number): number {
  let rel = -1;
  const head = toks[subj.from]!;
  if ((head.lower === 'what' || head.lower === 'which') && subj.to > subj.from) rel = subj.from;
  else {
    const before = toks[subj.from - 1];
    if (before && (before.lower === 'what' || before.lower === 'which')) rel = subj.from - 1;
    // "plans that your state offers" ("said that your state …" is a complement, not a relative).
    else if (
      before?.lower === 'that' &&
      toks[subj.from - 2]?.word &&
      !CUE_VERBS.has(toks[subj.from - 2]!.lower)
    )
      rel = subj.from - 1;
  }
  // ("to which she said": the pronoun is the preposition's.)
  if (rel === -1 || (toks[rel]!.lower === 'which' && PREPOSITIONS.has(toks[rel - 1]?.lower ?? ''))) return -1;
  const t = toks[next];
  if (!t) return rel;
  if (!t.word) return /^[.,;:!?)]$/.test(t.text) ? rel : -1;
  return NO_OBJECT.has(t.lower) || GAP_SETTING.has(t.lower) || isAdverb(t) ? rel : -1;
}

/** Things that are issued and say something: "a letter urging …", "a statement calling …". */
const DOCUMENTS = new Set(
  'letter letters statement statements paper papers ad ads report memo memos tweet tweets post posts motion motions filing filings resolution video email emails message messages petition editorial column release'.split(
    ' ',
  ),
);

/** The index of the token holding position `pos`. */
function tokenAt(toks: Token[], pos: number): number {
  let k = 0;
  while (k + 1 < toks.length && toks[k + 1]!.start <= pos) k++;
  return k;
}

/** Personal pronouns that open a relative clause without "that": "the experts I asked". */
const RELATIVE_SUBJECTS = new Set(['i', 'we', 'you', 'they', 'he', 'she']);

/**
 * "All the engineers I asked said …", "the lawyers we spoke to argued …": a relative clause with no
 * "that" (a pronoun and a past verb, perhaps with its preposition) between the subject and the cue. The
 * subject is the noun before the pronoun, with the clause.
 */
function bareRelative(toks: Token[], j: number, floor: number): Subject | null {
  let verb = j;
  if (PREPOSITIONS.has(toks[verb]!.lower)) verb--;
  const v = toks[verb];
  const pronoun = toks[verb - 1];
  if (!v?.word || v.cap || !pronoun || verb - 2 < floor || !RELATIVE_SUBJECTS.has(pronoun.lower)) return null;
  if (!/ed$/.test(v.lower) && !CUE_VERBS.has(v.lower)) return null;
  const kind = headKind(toks, verb - 2, floor);
  if (!kind || PRONOUNS.has(toks[verb - 2]!.lower)) return null;
  return { from: chunkStart(toks, verb - 2, floor), to: j, strong: true };
}

const DETERMINERS = new Set('the a an this these those another its his her their our some many'.split(' '));
/** Words that open a verb's object or clause: after "and plans", "to" or "the" make "plans" a verb. */
const VERB_OBJECT = new Set([...DETERMINERS, 'to', 'that', 'whether', 'him', 'them', 'us', 'me', 'it']);

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
  // "a view echoed by every captain": a participle of a verb of saying or thinking right after its noun
  // is a passive without "be". ("the levy imposed by the board" is an act, not a view.)
  const reduced =
    j === i - 1 && pastForm(toks[i]!.lower) && REDUCED_GROUPS.has(CUE_VERBS.get(toks[i]!.lower)?.group ?? '');
  if (!(passive || reduced) || j < floor || !headKind(toks, j, floor) || PRONOUNS.has(toks[j]!.lower))
    return null;
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

/** Groups of verbs whose participle after a noun reports what someone said or thought of it. */
const REDUCED_GROUPS = new Set(['saying', 'thinking', 'wanting', 'casting', 'feeling']);

/** Verbs of judging and reporting whose passive is an attribution without a named source. */
const AGENTLESS = new Set(
  'accuse blame criticize criticise charge expect consider rate describe dub view see regard deem say believe think know report quote label brand portray characterize characterise suspect allege mention ask tell urge announce depict paint cast frame link tie compare liken treat'.split(
    ' ',
  ),
);
/** Prepositions that join such a passive to its complement: "accused of", "blamed for", "viewed as". */
const COMPLEMENT_MARKERS = new Set(['of', 'for', 'as', 'with']);

/**
 * A passive of judging or reporting with no agent: "Quiros was accused of fraud", "The vote is expected to
 * be close", "Wahl has been called a showman". The content is the subject and the complement, in two
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
  if (!passive || j < floor) return null;
  j = pastAside(toks, j, floor);
  if (!headKind(toks, j, floor)) return null;
  const from = PRONOUNS.has(toks[j]!.lower) ? j : chunkStart(toks, j, floor);
  let c = next;
  if (COMPLEMENT_MARKERS.has(toks[c]?.lower ?? '')) c++;
  if (c > last || wordsBetween(toks, c, last) < 1) return null;
  const subject = span(toks, from, j);
  // The complement ends with its clause: "… is expected to sail on Friday, but the crews seem …".
  let end = last;
  for (let k = c + 1; k < last; k++)
    if (toks[k]!.text === ',' || toks[k]!.text === ';') {
      end = k - 1;
      break;
    }
  const complement = span(toks, c, end);
  return {
    content: { start: subject.start, end: complement.end },
    parts: [subject, complement],
    speaker: null,
    cue: span(toks, i, next - 1),
  };
}

/**
 * The head before an aside that ends at token j: a parenthesis ("most claims (61%) were …") or a relative
 * clause between commas ("Berg, who ran the ferries, was charged …"). Else j.
 */
function pastAside(toks: Token[], j: number, floor: number): number {
  const t = toks[j]!;
  if (t.text === ')') {
    let open = j - 1;
    while (open > floor && j - open < 12 && toks[open]!.text !== '(') open--;
    return toks[open]?.text === '(' && open - 1 >= floor ? open - 1 : j;
  }
  if (t.text !== ',') return j;
  let open = j - 1;
  while (open > floor && j - open < 30 && toks[open]!.text !== ',') open--;
  if (toks[open]?.text !== ',' || !RELATIVE_PRONOUNS.has(toks[open + 1]?.lower ?? '') || open - 1 < floor)
    return j;
  return open - 1;
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
    else if (t.text === ')') {
      // ("(a view shared by every captain I asked)": the close of a parenthesis the phrase sits in ends it.)
      if (parens === 0) break;
      parens--;
    } else if (
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
    // ("in a June report", "in the statement": a form that is mostly a noun, after a word of the tail, is one.)
    if (
      t.lower === 'that' ||
      (!t.cap &&
        CUE_VERBS.has(t.lower) &&
        t.lower !== 'adding' &&
        !(NOUNLIKE.has(t.lower) && k > from && toks[k - 1]!.word && !PRONOUNS.has(toks[k - 1]!.lower)))
    )
      return null;
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

/**
 * The first token of a time expression ending at token j ("on Monday", "in 2001", "last week", "earlier
 * this month", "Thursday night", "yesterday"), or -1. A bare time word needs to be a weekday or a deictic
 * day: "in June" is a time, "June" alone may be a name.
 */
function timeBefore(toks: Token[], j: number, floor: number): number {
  const t = toks[j];
  if (!t?.word) return -1;
  if (DEICTIC_DAYS.has(t.lower)) return j;
  if (!timeWord(toks, j)) return -1;
  let k = j;
  while (k - 1 >= floor && timeWord(toks, k - 1)) k--;
  const opener = toks[k - 1];
  if (k - 1 >= floor && opener && !opener.cap && TIME_OPENERS.has(opener.lower)) {
    k--;
    // "earlier this month", "later that week".
    const before = toks[k - 1];
    if (k - 1 >= floor && before && /^(?:earlier|later)$/.test(before.lower)) k--;
    return k;
  }
  return WEEKDAYS.has(toks[k]!.lower) ? k : -1;
}

/** Skips "that", a colon and stray commas at the opening of a content. */
function contentFrom(toks: Token[], k: number, verb: CueVerb | null, last: number): number {
  // ("asked for the files": after a particle the verb's object is the content, not an addressee.)
  if (verb?.addressee && k <= last && !verb.takes?.includes(toks[k - 1]?.lower ?? '')) {
    // "told reporters (on Monday) that", "warned the council that", "asked CNN's host whether".
    let that = -1;
    for (let m = k; m <= Math.min(last, k + 8); m++) {
      if (toks[m]!.lower === 'that' || toks[m]!.lower === 'whether') {
        that = m;
        break;
      }
      if (!toks[m]!.word && toks[m]!.text !== ',' && !isAbbreviationDot(toks, m)) break;
      // ("urged her to delay the vote, arguing that …": the "that" of another verb.)
      if (toks[m - 1]!.text === ',' && !toks[m]!.cap && CUE_VERBS.has(toks[m]!.lower)) break;
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
  // "says at a town-hall meeting in Marden, Kent, that …", "told Harbour Radio's "Early Shift" that …": a longer
  // setting or addressee, closed by "that" after a comma or a quote, with no verb of its own.
  if (
    k <= last &&
    toks[k]!.lower !== 'that' &&
    (PREPOSITIONS.has(toks[k]!.lower) ||
      verb?.addressee ||
      // "cautioned, as did the campaign, that …"
      (toks[k]!.text === ',' && toks[k + 1]?.lower === 'as'))
  ) {
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

/** A headline in title case: most longer words after the first are capitalised ("Mayor Says Harbour Will …"). */
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

/** Does a "that" follow within a dozen words ("knew from his filings that …")? */
function thatAhead(toks: Token[], from: number, last: number): boolean {
  for (let k = from + 1; k <= last && k <= from + 12; k++) if (toks[k]!.lower === 'that') return true;
  return false;
}

/** Is the content at `from` introduced by a "that" or a colon after the cue ("noted that, like him, …")? */
function introduced(toks: Token[], after: number, from: number): boolean {
  for (let k = after; k < from; k++) if (toks[k]!.lower === 'that' || toks[k]!.text === ':') return true;
  return false;
}

/**
 * The subject of the sentence, before the verb at `before`: the one opening it, or the one after an
 * opening phrase of time or place and its comma ("On Monday night, Ruiz …", "In a statement, the board …").
 */
function sentenceSubject(toks: Token[], before: number): Span | null {
  let at = 0;
  // A dateline: "BRUSSELS — European leaders …".
  const place = toks[0]!;
  if (
    place.text.length > 2 &&
    place.text === place.text.toUpperCase() &&
    /^(?:[—–―-]|--)$/.test(toks[1]?.text ?? '')
  )
    at = 2;
  // "On Thursday, however, Ruiz …": up to two opening phrases, each closed by its comma.
  for (let phrase = 0; phrase < 3; phrase++) {
    const first = toks[at];
    if (!first) return null;
    // ("Recently, …", "However, …", "Following the vote, …": a capitalised opener is not a name.)
    const opener =
      PREPOSITIONS.has(first.lower) ||
      CONNECTIVES.has(first.lower) ||
      (/(?:ly|ing)$/.test(first.lower) && !LY_NOUNS.has(first.lower));
    if (!opener) return openingSubject(toks, at);
    let comma = -1;
    for (let k = at + 1; k < before - 1 && k <= at + 12; k++) {
      const t = toks[k]!;
      if (t.text === ',') {
        comma = k;
        break;
      }
      if ((!t.word && !isAbbreviationDot(toks, k)) || (!t.cap && CUE_VERBS.has(t.lower))) return null;
    }
    if (comma === -1) return null;
    at = comma + 1;
  }
  return null;
}

/**
 * "The senators met with the minister to discuss the levy": a cue in an infinitive of purpose after the
 * main clause, whose subject is the sentence's. Not inside the content of another attribution, and not
 * after a verb that hands the infinitive to its object ("urged the board to reject …").
 */
function purpose(
  toks: Token[],
  i: number,
  cue: { verb: CueVerb; next: number },
  current: Clause | null,
  last: number,
): Clause | null {
  if (toks[i - 1]?.lower !== 'to' || /(?:ing|ed)$/.test(toks[i]!.lower) || cue.next > last) return null;
  if (current && toks[i]!.start < current.content.end) return null;
  // The words before "to" end the main clause with a noun or a time or place, not a verb.
  const before = toks[i - 2];
  if (!before?.word || CUE_VERBS.has(before.lower) || RAISING.has(before.lower) || /ed$/.test(before.lower))
    return null;
  const speaker = sentenceSubject(toks, i - 1);
  if (!speaker || !plausibleSubject(toks, speaker)) return null;
  const from = contentFrom(toks, cue.next, cue.verb, last);
  if (from > last || wordsBetween(toks, from, last) < 2) return null;
  return {
    content: span(toks, from, last),
    speaker,
    cue: { start: toks[i]!.start, end: toks[cue.next - 1]!.end },
  };
}

/**
 * Can the words opening a sentence be the subject of an infinitive of purpose after it? Not an adverb
 * ("Hopefully", "Perhaps"), "it" or a contraction ("It's", "There's"), a possessive ("Graham's plan"), or
 * an all-capitals dateline or heading ("BRUSSELS —").
 */
function plausibleSubject(toks: Token[], subject: Span): boolean {
  let k = 0;
  while (toks[k]!.start < subject.start) k++;
  let end = k;
  while (end + 1 < toks.length && toks[end + 1]!.end <= subject.end) end++;
  const head = toks[end]!;
  // ("It" opens far more sentences about situations than about the one who acts.)
  if (
    /['’]s?$/.test(head.text) ||
    /ly$/.test(head.lower) ||
    CONNECTIVES.has(head.lower) ||
    head.lower === 'it'
  )
    return false;
  const text = toks[k]!.text;
  if (text.length > 2 && text === text.toUpperCase() && /\p{Lu}/u.test(text)) return false;
  return !QUANTIFIERS.has(head.lower) || k !== end;
}

/** Words opening a sentence before its subject and a comma: "However, …", "Meanwhile, …". */
const CONNECTIVES = new Set(
  'however meanwhile still instead yesterday today tonight also moreover nevertheless nonetheless indeed later earlier afterward afterwards separately similarly perhaps maybe'.split(
    ' ',
  ),
);

/** The subject opening the sentence: a pronoun or a name ("Senator Ana Ruiz of Ohio"). */
function openingSubject(toks: Token[], at = 0): Span | null {
  const first = toks[at];
  if (!first) return null;
  if (/^(?:he|she|they|we|i|it)$/.test(first.lower)) return span(toks, at, at);
  if (/^(?:the|a|an)$/.test(first.lower)) return describedSubject(toks, at);
  if (!first.cap || NOT_HEAD.has(first.lower) || SUBJECT_STOP.has(first.lower)) return null;
  let k = at;
  while (
    k + 1 < toks.length &&
    (toks[k + 1]!.cap || isAbbreviationDot(toks, k + 1) || (toks[k + 1]!.lower === 'of' && toks[k + 2]?.cap))
  )
    k++;
  // "European leaders", "Harbour officials": names before an agent noun.
  if (toks[k + 1] && !toks[k + 1]!.cap && AGENTS.has(toks[k + 1]!.lower)) k++;
  return span(toks, at, k);
}

/**
 * "The Regional Water Board", "The campaign": a subject of an article and names or an agent
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
  // An agent noun after up to two modifiers: "the board", "the harbour board", "the city transport board";
  // right after the names: "the Okafor campaign" ("The Harbour Board sent a letter" ends at "Board").
  const reach = k === at + 1 ? 2 : 0;
  for (let m = k; m <= k + reach && toks[m]?.word && !toks[m]!.cap && !BETWEEN.has(toks[m]!.lower); m++)
    if (AGENTS.has(toks[m]!.lower)) {
      k = m + 1;
      break;
    }
  // "A reporter for the Island Gazette", "an aide at the Harbour Board": the agent's organisation.
  if ((toks[k]?.lower === 'for' || toks[k]?.lower === 'at') && AGENTS.has(toks[k - 1]?.lower ?? '')) {
    let m = k + 1;
    if (toks[m]?.lower === 'the') m++;
    const from = m;
    while (m < toks.length && m <= k + 6 && (toks[m]!.cap || isAbbreviationDot(toks, m))) m++;
    if (m > from) k = m;
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
      // "…, said Ruiz" inverts a verb of saying; "…, shows a poll" is not said.
      if (NOT_INVERTED.has(cue.verb.lemma)) continue;
      // "Ruiz, a former aide, said …" opens the sentence with its speaker: not a closing attribution.
      const lead = subjectOf(toks, i, 0);
      if (lead && lead.from === 0) continue;
      // "…, said X (, a former minister)."
      const sEnd = phraseAfter(toks, cue.next, 12);
      if (sEnd < cue.next || (sEnd < last && toks[sEnd + 1]?.text !== ',')) continue;
      const head = headKind(toks, cue.next, cue.next);
      // ("…, noted the Gazette’s Ines Berg": a name's possessive may open the speaker.)
      const owner = toks[cue.next]!.cap && /['’]s$/.test(toks[cue.next]!.text);
      if (
        !head &&
        !owner &&
        !/^(?:the|a)$/.test(toks[cue.next]!.lower) &&
        !/^(?:one|another)$/.test(toks[cue.next]!.lower)
      )
        continue;
      if (PRONOUNS.has(toks[cue.next]!.lower) && sEnd > cue.next) continue;
      // ('…, said the board's "delay …': a clause or a quotation after the verb is what was said.)
      let clause = false;
      for (let k = cue.next + 1; k <= sEnd; k++)
        if (
          toks[k]!.lower === 'that' ||
          (!toks[k]!.cap && CUE_VERBS.has(toks[k]!.lower)) ||
          OPEN_QUOTE.has(toks[k]!.text)
        )
          clause = true;
      if (clause) continue;
      speaker = span(toks, cue.next, sEnd);
      segStart = i - 1;
      segEnd = sEnd;
      // An apposition after the name: "…, said Jo Ruiz, a former aide." ("…, said Ruiz, adding that …" has
      // a second verb of hers, left to the pass below.)
      const after = toks[sEnd + 2];
      if (
        toks[sEnd + 1]?.text === ',' &&
        !(after && /ing$/.test(after.lower) && CUE_VERBS.has(after.lower))
      ) {
        const app = phraseAfter(toks, sEnd + 2, 20);
        if (app >= last - 1 || toks[app + 1]?.text !== ',') segEnd = app;
      }
    } else {
      const subj = subjectOf(toks, i, 0);
      if (!subj) continue;
      const open = toks[subj.from - 1];
      // "…, as police have said.", "As Ruiz noted, …": "as" makes the attribution a comment on the rest.
      const as = open?.lower === 'as' && (subj.from === 1 || toks[subj.from - 2]?.text === ',');
      if (
        !open ||
        !(
          as ||
          open.text === ',' ||
          DASH.has(open.text) ||
          (CLOSE_QUOTE.has(open.text) && toks[subj.from - 2]?.text === ',')
        )
      )
        continue;
      if (!subj.strong && !/^(?:the|a|an|one|another)$/.test(toks[subj.from]!.lower)) continue;
      speaker = span(toks, subj.from, subj.to);
      segStart = as ? subj.from - 2 : subj.from - 1;
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
    // ("If, as I noted, …": a parenthetical "as" after a word or two is not the sentence's attribution.)
    if (segStart > 0 && toks[segStart + 1]?.lower === 'as' && wordsBefore < 3) continue;
    if (wordsBefore >= 3) {
      const head = span(toks, 0, before);
      // ("Back in Tallinn, Ruiz said, she decided …": a short phrase before the attribution is no clause
      // of its own, so the clause after it finishes the content whatever opens it.)
      const phrase = wordsBefore <= 4 && !anyVerbForm(toks, 0, before);
      if (wordsAfter < 2 || (!continuesContent(toks, a) && !phrase))
        return { clause: { content: head, speaker, cue: cueSpan }, end: segEnd };
      // "Delays, she said, are the price of safety": the words after a parenthetical attribution
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
function endsAtCoordinator(
  toks: Token[],
  i: number,
  floor: number,
  current: Clause,
  widened: { from: number },
): boolean {
  const subj = subjectOf(toks, i, floor);
  if (!subj) return false;
  const before = toks[subj.from - 1];
  const before2 = toks[subj.from - 2];
  const head = toks[subj.from]!;
  // A named or pronoun subject opens a clause of its own after "and", "because", "although", a dash. So
  // does "who" after a comma.
  // (A share counts as named: "…, while 61 percent said …".)
  const named =
    subj.strong &&
    subj.to - subj.from <= 3 &&
    (head.cap || PRONOUNS.has(head.lower) || (/^\d/.test(head.text) && toks[subj.to]!.lower === 'percent'));
  // ("islanders who distrust the board, and who feel …": a second relative clause goes on with the first.)
  if (COORDINATORS.has(before?.lower ?? '') && (head.lower === 'who' || head.lower === 'which')) return false;
  const coordinated =
    before &&
    (before.text === ';' ||
      (COORDINATORS.has(before.lower) &&
        (before2?.text === ',' || before2?.text === ';' || DASH.has(before2?.text ?? '') || named)) ||
      (SUBORDINATORS.has(before.lower) && named) ||
      (before.text === ',' && subj.from === subj.to && head.lower === 'who') ||
      // "…, which she said was …": a relative clause with a subject of its own.
      ((before.lower === 'which' || before.lower === 'whom') && before2?.text === ',' && named) ||
      // "…, with analysts predicting a narrow win": an absolute phrase of someone else's.
      (before.lower === 'with' && /ing$/.test(toks[i]!.lower) && before2?.text === ','));
  if (!coordinated) return endsAtModifiedSubject(toks, subj, current, widened);
  const cut =
    before.text === ',' || before.text === ';'
      ? subj.from - 2
      : (before.lower === 'which' || before.lower === 'whom' || before.lower === 'with') &&
          before2?.text === ','
        ? subj.from - 3
        : before2?.text === ',' || before2?.text === ';' || DASH.has(before2?.text ?? '')
          ? subj.from - 3
          : subj.from - 2;
  if (cut < 0) return false;
  endContent(current, toks[cut]!.end);
  return true;
}

/**
 * "…, and she became angry, shouting insults": the subject of a participle after a comma is the nearest
 * personal pronoun before it in the sentence, the subject of the clause it hangs on.
 */
function nearestPronoun(toks: Token[], before: number): Span | null {
  for (let k = before - 1; k >= 0; k--) if (CLAUSE_SUBJECTS.has(toks[k]!.lower)) return span(toks, k, k);
  return null;
}

/** Pronouns that open a content as its own subject: "said she would …". */
const CLAUSE_SUBJECTS = new Set(['he', 'she', 'they', 'we', 'i']);

/** Is the cue at token k a verb in the present tense ("say", "says", "argues")? */
function presentCue(toks: Token[], k: number): boolean {
  const form = toks[k]!.lower;
  const verb = CUE_VERBS.get(form);
  if (!verb) return false;
  return form === verb.lemma || (form.endsWith('s') && !verb.lemma.endsWith('s') && form !== verb.lemma);
}

/** Is a form of a reporting verb its past tense ("refused", "told")? */
function pastForm(form: string): boolean {
  const verb = CUE_VERBS.get(form);
  return !!verb && form !== verb.lemma && !/(?:s|ing)$/.test(form);
}

/** Prepositions inside a subject's noun phrase: "lawyers for the family", "officials in the city". */
const SUBJECT_LINKS = new Set(['of', 'for', 'at', 'from', 'in', 'with']);

/**
 * "…, and lawyers for the family released …": a subject whose head has a prepositional phrase, after a
 * comma and a coordinator (or a semicolon), opens a clause of its own. Ends the content before there and
 * sets `widened.from` to the subject's first token.
 */
function endsAtModifiedSubject(
  toks: Token[],
  subj: Subject,
  current: Clause,
  widened: { from: number },
): boolean {
  if (!SUBJECT_LINKS.has(toks[subj.from - 1]?.lower ?? '')) return false;
  for (let k = subj.from - 2; k >= 1 && subj.from - k <= 6; k--) {
    const t = toks[k]!;
    if (t.text === ';' && k < subj.from - 2 && toks[k - 1]!.end > current.content.start) {
      endContent(current, toks[k - 1]!.end);
      widened.from = k + 1;
      return true;
    }
    if (!t.word) return false;
    const stop = toks[k - 1]!;
    if (COORDINATORS.has(t.lower)) {
      if (k === subj.from - 2 || !(stop.text === ',' || stop.text === ';')) return false;
      if (toks[k - 2]!.end <= current.content.start) return false;
      endContent(current, toks[k - 2]!.end);
      widened.from = k + 1;
      return true;
    }
    if ((SUBJECT_STOP.has(t.lower) && !SUBJECT_LINKS.has(t.lower)) || (!t.cap && CUE_VERBS.has(t.lower)))
      return false;
  }
  return false;
}

/** Is there a pronoun, an auxiliary or a past form among tokens from..to (a clause, not a phrase)? */
function anyVerbForm(toks: Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = toks[k]!;
    if (PRONOUNS.has(t.lower) || AUXILIARIES.has(t.lower) || PASSIVE_BE.has(t.lower) || /ed$/.test(t.lower))
      return true;
  }
  return false;
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

  let closing = closingAttribution(toks, verbs, quoted, last);
  let participle = openingParticiple(toks, last);
  if (participle && isQuoted(quoted, participle.cue.start)) participle = null;
  // ("Lamenting the delays, Ruiz often says, "…"": the participle's words are its own, not the content
  // of the verb after them.)
  if (closing && participle) {
    if (closing.clause.content.start <= participle.content.end) closing = null;
    else participle = null;
  }
  if (closing) out.push(closing.clause);
  if (participle) out.push(participle);

  // "X (has also) said (on Monday) (that) …", several per sentence: "X said …, and Y argued …".
  let current: Clause | null = closing?.clause ?? null;
  const widened = { from: -1 };
  let floor = closing ? closing.end + 1 : 0;
  for (let c = 0; c < verbs.length; c++) {
    const i = verbs[c]!;
    if (closing && i <= closing.end) continue;
    const cue = cueAt(toks, i);
    if (!cue || isQuoted(quoted, toks[i]!.start)) continue;
    // A second verb of the same speaker: "… and called for …", "…, saying …", "…, adding that …".
    let k = i - 1;
    while (k > 0 && toks[k]!.word && isBetween(toks[k]!) && !PASSIVE_BE.has(toks[k]!.lower)) k--;
    // "… and seemed to think", "…, yet tried to explain": past a verb that passes its subject on.
    if (
      toks[k]!.lower === 'to' &&
      k > 1 &&
      RAISING.has(toks[k - 1]!.lower) &&
      !AUXILIARIES.has(toks[k - 1]!.lower)
    ) {
      k -= 2;
      while (k > 0 && toks[k]!.word && isBetween(toks[k]!) && !PASSIVE_BE.has(toks[k]!.lower)) k--;
    }
    // ("…, yet refuses to": "yet" is also an adverb, passed over above.)
    const joiner = toks[k]!.text === ',' && toks[k + 1]?.lower === 'yet' ? toks[k + 1]! : toks[k]!;
    const before = current as Clause | null;
    // ('"…," Ruiz said, adding that …' and '"…," adding that …' alike.)
    const comma = joiner.text === ',' || (CLOSE_QUOTE.has(joiner.text) && toks[k - 1]?.text === ',');
    if (/^(?:and|but|yet)$/.test(joiner.lower) || (comma && /ing$/.test(toks[i]!.lower))) {
      // ("… and demand from the mills cooled": a form that is mostly a noun needs its particle to be a verb here.)
      if (
        NOUNLIKE.has(toks[i]!.lower) &&
        cue.next === i + 1 &&
        !/ing$/.test(toks[i]!.lower) &&
        !VERB_OBJECT.has(toks[i + 1]?.lower ?? '')
      )
        continue;
      // "Police say he left the scene and refused to …", "She said he ran and hid": a past verb after a
      // bare "and" inside a content goes on with the content's own clause when it cannot join the cue (a
      // cue in the present) or the content opens with a subject of its own (a pronoun).
      if (
        before &&
        joiner.lower === 'and' &&
        toks[k - 1]!.word &&
        toks[i]!.start < before.content.end &&
        pastForm(toks[i]!.lower) &&
        !TRAILING.has(cue.verb.lemma) &&
        (presentCue(toks, tokenAt(toks, before.cue.start)) ||
          CLAUSE_SUBJECTS.has(toks[tokenAt(toks, before.content.start)]!.lower))
      )
        continue;
      // "The board says the levy would cut costs but would eventually add …", "She believes they must
      // come out and support the plan": inside a content, a verb after a modal, or a bare verb after a
      // cue in another tense, goes on with the content's own clause ("… but did not recommend" is the
      // speaker's).
      if (before && toks[i]!.start < before.content.end && /^(?:and|or|but)$/.test(joiner.lower)) {
        let modal = false;
        let auxiliary = toks[i - 1]!.lower === 'to';
        for (let m = k + 1; m < i; m++) {
          if (MODAL_VERBS.has(toks[m]!.lower)) modal = true;
          if (AUXILIARIES.has(toks[m]!.lower) || /^do(?:es)?$/.test(toks[m]!.lower)) auxiliary = true;
        }
        const beforeCue = toks[tokenAt(toks, before.cue.start)]!.lower;
        const bare = toks[i]!.lower === cue.verb.lemma && CUE_VERBS.get(beforeCue)?.lemma !== beforeCue;
        if (modal || (bare && !auxiliary)) continue;
      }
      const speaker =
        before?.speaker ??
        quoteSpeaker ??
        sentenceSubject(toks, i) ??
        (comma && /ing$/.test(toks[i]!.lower) ? nearestPronoun(toks, k) : null);
      if (!speaker || speaker.start >= toks[i]!.start) continue;
      if (current && toks[i]!.start < current.content.end) {
        let cut = k - 1;
        if (toks[cut]?.text === ',') cut--;
        if (cut < 0 || toks[cut]!.end <= current.content.start) continue;
        endContent(current, toks[cut]!.end);
      }
      const from = contentFrom(toks, cue.next, cue.verb, last);
      if (
        from > last ||
        wordsBetween(toks, from, last) < 2 ||
        (REFLEXIVE.test(toks[from]!.lower) && !cue.verb.later)
      )
        continue;
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
        // "Okafor, who knew that …, told her advisers …": the relative clause ends at the comma and
        // the verb after it is the main clause's, whose subject is before the relative clause.
        endContent(current, toks[i - 2]!.end);
        floor = 0;
      } else if (!endsAtCoordinator(toks, i, floor, current, widened)) continue;
    }
    const reduced = toks[cue.next]?.lower === 'by' ? passiveBy(toks, i, cue.next, floor) : null;
    if (reduced) {
      current = reduced;
      out.push(reduced);
      floor = cue.next;
      continue;
    }
    const subj = subjectOf(toks, i, floor);
    if (subj && widened.from !== -1) {
      // ("lawyers for the family": the subject with its prepositional phrase.)
      if (widened.from < subj.from) subj.from = widened.from;
      widened.from = -1;
    }
    if (!subj) {
      // "The story was first reported by the Post": what was reported, and by whom.
      const by =
        passiveBy(toks, i, cue.next, floor) ??
        passiveWithoutAgent(toks, i, cue.next, floor, last) ??
        purpose(toks, i, cue, current, last);
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
      ((CLOSE_QUOTE.has(opener.text) && !possessiveMark(toks, subj.from - 1)) ||
        (opener.text === ',' && CLOSE_QUOTE.has(toks[subj.from - 2]?.text ?? '')))
    )
      continue;
    const next = toks[cue.next];
    // "That was what Wahl said when she quit", "a strategy which the bank detailed in its filings": the
    // cue's object is the relative pronoun before its subject, and that is the content.
    const gap = objectGap(toks, subj, cue.next);
    if (gap !== -1) {
      out.push({
        content: span(toks, gap, gap),
        speaker: span(toks, gap === subj.from ? subj.from + 1 : subj.from, subj.to),
        cue: { start: toks[i]!.start, end: toks[cue.next - 1]!.end },
      });
      continue;
    }
    if (!next) continue;
    // "a judge has ruled", "advocates have said": a form before an auxiliary is a noun, the subject of
    // the verb after it.
    // ("which she said was …": after a relative pronoun the auxiliary opens the content.)
    if (
      cue.next === i + 1 &&
      AUXILIARIES.has(next.lower) &&
      !/^(?:which|who|whom)$/.test(toks[subj.from - 1]?.lower ?? '')
    )
      continue;
    // "the experts I asked said …": a verb right after the cue is the main clause's; the cue is in a
    // relative clause and has no content of its own.
    if (
      next.word &&
      !next.cap &&
      CUE_VERBS.has(next.lower) &&
      cue.next === i + 1 &&
      bareRelative(toks, i, floor)
    )
      continue;
    // "the plans", "the United States": a noun, unless a clear subject and a particle make it a verb
    // ("Former chairman calls for Okafor plan").
    const particle = cue.next > i + 1;
    // ("70 percent support of the rural vote": "of" after such a form makes it a noun; "would back Ruiz",
    // after a modal or "to", is a verb.)
    if (
      NOUNLIKE.has(toks[i]!.lower) &&
      !MODALS.has(toks[i - 1]?.lower ?? '') &&
      (!subj.strong ||
        (next.cap && !particle) ||
        next.text === ',' ||
        (!particle && next.lower === 'of') ||
        (!particle && nounReading(toks, i)))
    )
      continue;
    if (next.text === ',' && !TRAILING.has(cue.verb.lemma)) continue;
    const from = contentFrom(toks, cue.next, cue.verb, last);
    if (from > last || wordsBetween(toks, from, last) < 1) continue;
    const first = toks[from]!;
    if (first.text === '.' || (OPEN_QUOTE.has(first.text) && from === last)) continue;
    // ("letters they never asked for or simply ignored": a verb followed by "or" has no object here.)
    if (first.lower === 'or' || first.lower === 'and' || first.lower === 'but') continue;
    // "reported from Kabul", "called into the show", "find themselves": not reported speech. ("told the
    // council to hire …" is: "to" after an addressee opens what they were told.)
    if (
      ((TRAILING.has(cue.verb.lemma)
        ? PREPOSITIONS.has(first.lower)
        : NOT_CONTENT.has(first.lower) && !thatAhead(toks, from, last)) &&
        // ("said about 20 ferries were idle": before a number, "about" is not a preposition; nor is "as"
        // in "said as much".)
        !(APPROXIMATORS.has(first.lower) && /^[\d$]/.test(toks[from + 1]?.text ?? '')) &&
        !(first.lower === 'as' && toks[from + 1]?.lower === 'much') &&
        !cue.verb.takes?.includes(first.lower) &&
        !introduced(toks, cue.next, from) &&
        !(cue.verb.addressee && first.lower === 'to' && from > cue.next)) ||
      // ("find themselves" is not reported speech; "portrayed himself as a reformer" is.)
      (REFLEXIVE.test(first.lower) && !cue.verb.later)
    )
      continue;
    // "When Ruiz noted that …, the mayor replied …": an attribution in an opening subordinate clause ends
    // at the clause's comma.
    let end = last;
    // ("Back when he ran the port, Brandt said …": a word or two may come before the conjunction.)
    if (subj.from >= 1 && OPENING_SUBORDINATORS.has(toks[subj.from - 1]!.lower)) {
      let comma = from + 2;
      while (comma < last && toks[comma]!.text !== ',') comma++;
      if (comma < last && wordsBetween(toks, comma + 1, last) >= 3) end = comma - 1;
    }
    // "Ruiz — who has called for a levy — spoke first": an attribution inside a dash-enclosed aside ends
    // at its closing dash.
    const aside = toks[subj.from - 1];
    if (aside && DASH.has(aside.text)) {
      let close = from + 1;
      while (close < end && toks[close]!.text !== aside.text) close++;
      if (close < end) end = close - 1;
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
      const nextLower = toks[k + 1]?.lower ?? '';
      if (!NOUN_LINKS.has(nextLower)) continue;
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
      // After a preposition the content is a noun phrase, to the next comma ("his comments on the vote,
      // …"); "his remarks on Saturday" is a time, not what was said.
      let end = last;
      if (!/^(?:that|to|for)$/.test(nextLower)) {
        if (afterTime(toks, k + 1) > k + 1 || timeWord(toks, from)) continue;
        for (let c = from + 1; c < last; c++)
          if (toks[c]!.text === ',') {
            end = c - 1;
            break;
          }
      }
      const ownerFrom = /^(?:his|her|their|its|our)$/.test(owner.lower) ? p : chunkStart(toks, p, 0);
      out.push({
        content: span(toks, from, end),
        speaker: span(toks, ownerFrom, p),
        cue: span(toks, k, k),
      });
      break;
    }
  evidential(toks, last, quoted, out);
  seeming(toks, last, quoted, out);
  asked(toks, last, quoted, out);
  if (out.length === 0) inSource(toks, last, quoted, out);
  return out;
}

/** Words joining a reporting noun to its content: "claim that", "call for", "plan to", "comments on". */
const NOUN_LINKS = new Set(['that', 'for', 'to', 'about', 'of', 'on', 'over']);

/** Adjectives of evidence after "it is": "it is clear that …", "it was obvious that …". */
const EVIDENT = new Set('clear obvious evident apparent plain'.split(' '));
const IT_BE = new Set([
  ...PASSIVE_BE,
  "it's",
  'it’s',
  'seems',
  'seemed',
  'appears',
  'appeared',
  'became',
  'become',
]);

/**
 * "It is clear that …", "it's obvious that …", "it appeared that …": a judgement with no one named as
 * its source. The content is the clause after "that"; added only where no attribution of the sentence
 * already holds it. ("It is unclear whether …" claims nothing.)
 */
function evidential(toks: Token[], last: number, quoted: readonly Span[], out: Clause[]): void {
  for (let k = 0; k < last - 2; k++) {
    const t = toks[k]!;
    if (t.lower !== 'it' && t.lower !== "it's" && t.lower !== 'it’s') continue;
    let m = k;
    // "it is", "it should be", "it has become", "it is now", "it appeared".
    let verb = t.lower !== 'it';
    while (m + 1 <= last && m - k < 5) {
      const w = toks[m + 1]!;
      if (IT_BE.has(w.lower) || /^(?:should|would|will|may|might|must|could|has|had|have)$/.test(w.lower))
        verb = true;
      else if (!isBetween(w) && w.lower !== 'very' && w.lower !== 'quite' && w.lower !== 'abundantly') break;
      m++;
    }
    if (!verb) continue;
    let cueEnd = m;
    let next = m + 1;
    if (EVIDENT.has(toks[next]?.lower ?? '')) {
      cueEnd = next;
      next++;
    } else if (!/^(?:seems|seemed|appears|appeared)$/.test(toks[m]!.lower)) continue;
    if (toks[next]?.lower !== 'that') continue;
    const from = next + 1;
    if (from > last || wordsBetween(toks, from, last) < 3 || isQuoted(quoted, t.start)) continue;
    const content = span(toks, from, last);
    if (out.some((c) => c.content.start < content.end && content.start < c.content.end)) continue;
    out.push({ content, speaker: null, cue: span(toks, k, cueEnd) });
    return;
  }
}

const SEEM = new Set('seem seems seemed appear appears appeared'.split(' '));
/** Relative pronouns that stand as the subject of "seems": "a question which seems to be …". */
const RELATIVE_PRONOUNS = new Set(['which', 'that', 'who']);

/**
 * "The crews seem doubtful", "cuts which seem to be permanent", "the timetable seems too ambitious": how
 * something seems is a judgement with no one named as its source, as "it seems that" is. The content is
 * the subject and the complement, in two pieces. ("appeared to suggest" is read by the verb pass as
 * "suggest"; "appeared on the news" is being seen, so "appear" needs "to".)
 */
function seeming(toks: Token[], last: number, quoted: readonly Span[], out: Clause[]): void {
  for (let k = 1; k < last; k++) {
    const t = toks[k]!;
    // (The first letter screens out most words before the set is asked.)
    const c0 = t.text.charCodeAt(0);
    if ((c0 !== 115 && c0 !== 97) || !SEEM.has(t.lower) || isQuoted(quoted, t.start)) continue;
    const c = k + 1;
    const next = toks[c]!;
    if (!next.word || next.lower === 'that') continue;
    if (next.lower === 'to' ? CUE_VERBS.has(toks[c + 1]?.lower ?? '') : t.lower.startsWith('appear'))
      continue;
    if (next.lower !== 'to' && next.lower !== 'like' && PREPOSITIONS.has(next.lower)) continue;
    let j = k - 1;
    while (j > 0 && toks[j]!.word && isBetween(toks[j]!)) j--;
    const head = toks[j]!;
    if (!head.word || head.lower === 'it' || head.lower === 'there') continue;
    let from = j;
    if (!RELATIVE_PRONOUNS.has(head.lower)) {
      if (!headKind(toks, j, 0)) continue;
      from = chunkStart(toks, j, 0);
    }
    let end = c;
    while (end + 1 <= last) {
      const w = toks[end + 1]!;
      if (!w.word && (/^[,;:(-]$/.test(w.text) || DASH.has(w.text))) break;
      end++;
    }
    const subject = span(toks, from, j);
    const complement = span(toks, c, end);
    const content = { start: subject.start, end: complement.end };
    if (out.some((o) => o.content.start < content.end && content.start < o.content.end)) continue;
    out.push({ content, parts: [subject, complement], speaker: null, cue: span(toks, k, k) });
  }
}

/** Sources a sentence may open with "In": polls, studies and documents. */
const IN_SOURCES = new Set(
  'poll polls survey surveys study studies report reports interview interviews statement letter memo analysis review filing column op-ed editorial'.split(
    ' ',
  ),
);

/**
 * "In the latest harbour poll, Ruiz leads by six points": a poll, a study or a document named in an
 * opening phrase is the source of the clause after its comma, as "according to" names one. Only for a
 * sentence with no other attribution.
 */
function inSource(toks: Token[], last: number, quoted: readonly Span[], out: Clause[]): void {
  // (A quotation in the sentence has a speaker of its own to find.)
  if (toks[0]!.lower !== 'in' || quoted.length > 0) return;
  let comma = 1;
  let source = -1;
  while (comma < last && comma <= 16 && toks[comma]!.text !== ',') {
    if (IN_SOURCES.has(toks[comma]!.lower) && source === -1) source = comma;
    comma++;
  }
  if (source === -1 || toks[comma]?.text !== ',' || wordsBetween(toks, comma + 1, last) < 3) return;
  out.push({
    content: span(toks, comma + 1, last),
    speaker: span(toks, 1, comma - 1),
    cue: span(toks, 0, 0),
  });
}

const ASKED = new Set(['asked', 'pressed', 'questioned']);
/** Words a subjectless "asked" may follow: the sentence start, a comma, a conjunction of time. */
const ASKED_AFTER = new Set([',', 'when', 'after', 'once', 'if', 'while', 'and']);

/**
 * "Asked to name the builder, Ruiz said …", "when pressed by the council about how she would …": a passive
 * of asking with no subject of its own. The content is the question, to the comma; the speaker is the
 * one who asked ("by the council"), if named.
 */
function asked(toks: Token[], last: number, quoted: readonly Span[], out: Clause[]): void {
  for (let k = 0; k < last - 1; k++) {
    const t = toks[k]!;
    const c0 = t.lower.charCodeAt(0);
    if ((c0 !== 97 && c0 !== 112 && c0 !== 113) || !ASKED.has(t.lower) || isQuoted(quoted, t.start)) continue;
    if (k > 0 && !ASKED_AFTER.has(toks[k - 1]!.lower)) continue;
    let m = k + 1;
    let speaker: Span | null = null;
    if (toks[m]!.lower === 'by') {
      const end = phraseAfter(toks, m + 1, 6);
      let e = m + 1;
      while (e <= end && !/^(?:about|on|to|whether|if|why|how|what|for)$/.test(toks[e]!.lower)) e++;
      if (e === m + 1) continue;
      speaker = span(toks, m + 1, e - 1);
      m = e;
    }
    const particle = toks[m]?.lower ?? '';
    if (!/^(?:about|on|to|whether|if|why|how|what|for)$/.test(particle)) continue;
    const from = /^(?:about|on|for)$/.test(particle) ? m + 1 : m;
    let end = from;
    while (end + 1 <= last && toks[end + 1]!.text !== ',') end++;
    if (wordsBetween(toks, from, end) < 2) continue;
    const content = span(toks, from, end);
    if (out.some((o) => o.content.start < content.end && content.start < o.content.end)) continue;
    out.push({ content, speaker, cue: span(toks, k, k) });
  }
}
