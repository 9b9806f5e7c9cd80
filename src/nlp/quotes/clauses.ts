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
  content: Span;
  speaker: Span | null;
  cue: Span;
}

// Letters are matched by code range rather than \p{L}, which keeps the expression out of Unicode mode (several
// times faster in V8); general punctuation (U+2000–U+206F: curly quotes, dashes) stays out of words.
const LETTER = 'A-Za-z0-9\\u00C0-\\u1FFF\\u2C00-\\uD7FF';
const TOKEN = new RegExp(`[${LETTER}$]+(?:['’.\\-&/][${LETTER}]+)*|\\S`, 'g');

export function tokenize(text: string, span: Span): Token[] {
  const out: Token[] = [];
  const body = text.slice(span.start, span.end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(body); m; m = TOKEN.exec(body)) {
    const t = m[0];
    const first = t.charCodeAt(0);
    const ascii = first < 128;
    const upper = ascii ? first >= 65 && first <= 90 : t[0] !== t[0]!.toLowerCase();
    const lower = ascii ? first >= 97 && first <= 122 : t[0] !== t[0]!.toUpperCase();
    out.push({
      text: t,
      lower: t.toLowerCase(),
      start: span.start + m.index,
      end: span.start + m.index + t.length,
      word: upper || lower || (first >= 48 && first <= 57) || (first === 36 && t.length > 1),
      cap: upper,
    });
  }
  return out;
}

const ABBREVIATION =
  /^(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Gen|Col|Capt|Lt|Sgt|St|Jr|Sr|Rev|Hon|Pres|Supt|Det|Adm|Maj|Cmdr|Ft|Mt|U\.S|U\.N|U\.K|D\.C|Inc|Corp|Co|Ltd|No)$/;
const DASH = new Set(['—', '–', '―', '--']);
const CLOSE_QUOTE = new Set(['"', '”', '’', "'", '»']);
const OPEN_QUOTE = new Set(['"', '“', '‘', '«', '„']);
const COORDINATORS = new Set(['and', 'but', 'while', 'whereas', 'yet', 'though', 'although']);
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
/** Lowercase heads strong enough to carry a cue that is often a noun ("the campaign plans"). */
const AGENTS = new Set(
  'officials official spokesman spokeswoman spokesperson spokespeople aides aide advisers adviser advisors advisor experts expert analysts analyst economists economist critics critic supporters opponents voters respondents residents sources source campaign administration government ministry department agency police prosecutors investigators authorities lawmakers senators democrats republicans leaders leader poll polls survey surveys report reports study studies data figures documents records analysis researchers scientists scholars observers organizers organisers protesters activists officers lawyers attorneys judge court committee panel board council commission group groups company companies party statement memo letter filing lawsuit ad ads video article editorial newspaper paper network site website people americans candidates candidate nominee president governor senator congressman congresswoman mayor minister secretary chairman chairwoman director chief executive author authors writer reporter host anchor doctors nurses workers parents students teachers members others many most some few all both everyone nobody someone'.split(
    ' ',
  ),
);

function isAdverb(t: Token): boolean {
  return !t.cap && t.word && /ly$/.test(t.lower) && !LY_NOUNS.has(t.lower) && t.lower.length > 3;
}

function isBetween(t: Token): boolean {
  return BETWEEN.has(t.lower) || /n['’]t$/.test(t.lower) || isAdverb(t);
}

const PASSIVE_BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);

/** The cue verb at token i, with the index after it (past any particle it takes), or null. */
function cueAt(toks: Token[], i: number): { verb: CueVerb; next: number } | null {
  const t = toks[i]!;
  if (t.cap || !t.word) return null;
  const verb = CUE_VERBS.get(t.lower);
  if (!verb) return null;
  const after = toks[i + 1]?.lower;
  if (verb.needs) return after && verb.needs.includes(after) ? { verb, next: i + 2 } : null;
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
  while (j >= floor && skipped < 5 && toks[j]!.word && isBetween(toks[j]!)) {
    if (PASSIVE_BE.has(toks[j]!.lower)) passive = true;
    j--;
    skipped++;
  }
  // "was asked", "were told": the grammatical subject is the one spoken to, not the speaker. A bare
  // "-ing" form ("…, adding that", "additional reporting by") has no subject of its own here.
  const ing = /ing$/.test(toks[i]!.lower);
  if (passive !== ing) return null;
  if (j < floor) return null;
  let t = toks[j]!;
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
    if (kind !== 'strong') return null;
    return { from: chunkStart(toks, open - 1, floor), to: j - 1, strong: true };
  }
  const kind = headKind(toks, j, floor);
  if (!kind) return null;
  if (PRONOUNS.has(t.lower)) return { from: j, to: j, strong: kind === 'strong' };
  const from = chunkStart(toks, j, floor);
  t = toks[from]!;
  return { from, to: j, strong: kind === 'strong' };
}

function span(toks: Token[], from: number, to: number): Span {
  return { start: toks[from]!.start, end: toks[to]!.end };
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
  while (k <= last && (toks[k]!.lower === 'that' || toks[k]!.text === ':' || toks[k]!.text === ',')) k++;
  return k;
}

/** The subject opening the sentence: a pronoun or a name ("Senator Ana Ruiz of Ohio"). */
function openingSubject(toks: Token[]): Span | null {
  const first = toks[0]!;
  if (/^(?:he|she|they|we|i)$/.test(first.lower)) return span(toks, 0, 0);
  if (!first.cap || NOT_HEAD.has(first.lower) || SUBJECT_STOP.has(first.lower)) return null;
  let k = 0;
  while (
    k + 1 < toks.length &&
    (toks[k + 1]!.cap || isAbbreviationDot(toks, k + 1) || (toks[k + 1]!.lower === 'of' && toks[k + 2]?.cap))
  )
    k++;
  return span(toks, 0, k);
}

/**
 * Attributions in one sentence. `quoted(pos)` tells whether a position lies inside a direct quote: words
 * there are the speaker's, not the narrator's, and carry no cue. `quoteSpeaker` is the speaker of a direct
 * quote in the sentence, for what follows it ('"…," she said, adding that …').
 */
export function findClauses(
  text: string,
  sentence: Span,
  quoted: (pos: number) => boolean,
  quoteSpeaker: Span | null = null,
): Clause[] {
  const toks = tokenize(text, sentence);
  if (toks.length < 3) return [];
  const last = lastContentToken(toks, 0, toks.length - 1);
  if (last < 2) return [];
  const out: Clause[] = [];
  const free = (k: number) => !quoted(toks[k]!.start);

  // "according to X" in either position.
  for (let k = 0; k < last; k++) {
    if (toks[k]!.lower !== 'according' || toks[k + 1]?.lower !== 'to' || !free(k)) continue;
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

  // A closing or parenthetical attribution: "…, X said (on Monday).", "…, said X.", "…, X said, …".
  for (let i = 2; i <= last; i++) {
    if (!free(i)) continue;
    const cue = cueAt(toks, i);
    if (!cue) continue;
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
      out.push({ content: span(toks, 0, before), speaker, cue: cueSpan });
      return out;
    }
    if (wordsAfter >= 3) {
      out.push({ content: span(toks, a, last), speaker, cue: cueSpan });
      return out;
    }
  }

  // "X (has also) said (on Monday) (that) …", several per sentence: "X said …, and Y argued …".
  let current: Clause | null = null;
  let floor = 0;
  for (let i = 1; i <= last; i++) {
    if (!free(i)) continue;
    const cue = cueAt(toks, i);
    if (!cue) continue;
    // A second verb of the same speaker: "… and called for …", "…, saying …", "…, adding that …".
    let k = i - 1;
    while (k > 0 && toks[k]!.word && isBetween(toks[k]!) && !PASSIVE_BE.has(toks[k]!.lower)) k--;
    const joiner = toks[k]!;
    const before = current as Clause | null;
    if (joiner.lower === 'and' || (joiner.text === ',' && /ing$/.test(toks[i]!.lower))) {
      const speaker = before?.speaker ?? quoteSpeaker ?? openingSubject(toks);
      if (!speaker || speaker.start >= toks[i]!.start) continue;
      if (current && toks[i]!.start < current.content.end) {
        let cut = k - 1;
        if (toks[cut]?.text === ',') cut--;
        if (cut < 0 || toks[cut]!.end <= current.content.start) continue;
        current.content = { start: current.content.start, end: toks[cut]!.end };
      }
      const from = contentFrom(toks, cue.next, cue.verb, last);
      if (from > last || wordsBetween(toks, from, last) < 2 || REFLEXIVE.test(toks[from]!.lower)) continue;
      if (
        TRAILING.has(cue.verb.lemma) &&
        PREPOSITIONS.has(toks[from]!.lower) &&
        !cue.verb.takes?.includes(toks[from]!.lower)
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
      // Inside the content of the attribution before: a new one only after a coordinator.
      const subj = subjectOf(toks, i, floor);
      if (!subj) continue;
      const before = toks[subj.from - 1];
      const before2 = toks[subj.from - 2];
      const coordinated =
        before &&
        (before.text === ';' ||
          (COORDINATORS.has(before.lower) && (before2?.text === ',' || before2?.text === ';')));
      if (!coordinated) continue;
      const cut = before2?.text === ',' || before2?.text === ';' ? subj.from - 3 : subj.from - 2;
      if (cut < 0) continue;
      current.content = { start: current.content.start, end: toks[cut]!.end };
    }
    const subj = subjectOf(toks, i, floor);
    if (!subj) continue;
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
    if (NOUNLIKE.has(toks[i]!.lower) && (!subj.strong || next.cap || next.text === ',')) continue;
    if (next.text === ',' && !TRAILING.has(cue.verb.lemma)) continue;
    const from = contentFrom(toks, cue.next, cue.verb, last);
    if (from > last || wordsBetween(toks, from, last) < 1) continue;
    const first = toks[from]!;
    if (first.text === '.' || (OPEN_QUOTE.has(first.text) && from === last)) continue;
    // "reported from Kabul", "called into the show", "find themselves": not reported speech.
    if (
      (TRAILING.has(cue.verb.lemma) &&
        PREPOSITIONS.has(first.lower) &&
        !cue.verb.takes?.includes(first.lower)) ||
      REFLEXIVE.test(first.lower)
    )
      continue;
    current = {
      content: span(toks, from, last),
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
      if (t.cap || !CUE_NOUNS.has(t.lower) || !free(k)) continue;
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
