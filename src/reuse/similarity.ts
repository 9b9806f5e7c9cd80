/**
 * Story similarity: how much two articles, in the same language or not, are about the same story. A
 * lexical cosine alone fails three ways on multilingual news: across languages almost no words are
 * shared, scripts written without spaces (Chinese) have no words to share, and scraped pages carry menus,
 * cookie notices and unrelated teasers below the story. So the cosine is taken over words cut to a short
 * prefix (a cheap stemmer that works for any alphabetic language and lets "Albanien" meet "Albania"), over
 * character pairs in Han text, and once more weighted towards the opening, where the headline and lead
 * say what the story is; and it is combined with what survives translation: names and numbers.
 *
 * The weights were fitted by least squares on the SemEval-2022 Task 8 sample's train file (see
 * `fitStoryWeights` and `npm run eval:reuse`), to predict its "Overall" label.
 */
import { Idf } from '../compare/words.ts';

export interface StoryText {
  text: string;
  /** Two-letter language code, when known; guessed from stop words and script otherwise. */
  lang?: string;
  /** The headline, when it is not the text's first line. */
  title?: string;
}

export interface StoryProfile {
  lang: string;
  /** Content words in text order, cut to `PREFIX` characters; character pairs for Han text. */
  words: string[];
  /** The headline's words (the first line's, or the first few words when there is no line break). */
  title: string[];
  /**
   * Capitalised words not opening a sentence, and Latin words in Han text, with repeats. In German that is
   * every noun too; document frequencies leave the rare ones, which are mostly names, to count.
   */
  names: string[];
  numbers: string[];
  tokens: number;
}

export interface StorySignals {
  /** 1 when the two texts are in different languages. */
  crossLanguage: number;
  /** IDF-weighted cosine of all content words. */
  body: number;
  /** The same cosine with each word weighted by how early it comes. */
  opening: number;
  /** The larger share of one headline's words found in the other text's opening. */
  titleIn: number;
  /** IDF-weighted cosine of the names. */
  names: number;
  /** IDF-weighted Dice overlap of the numbers. */
  numbers: number;
  /** Shorter text's token count over the longer's. */
  lengthRatio: number;
}

/** Function words of the languages news comes in most; other languages are left to IDF. */
const STOP_WORDS: Record<string, string> = {
  en:
    'a an the and or but of to in on at for with by from as is are was were be been being that this these those it its ' +
    'we our us they them their he him his she her i me my you your not no so if then than there here have has had do does ' +
    'did will would can could should may might must also just very more most into over about after before said says say ' +
    'told which who whom what when where while shall one all out up new',
  de:
    'der die das den dem des ein eine einen einem einer eines und oder aber in im an am auf aus bei mit nach von vom zu ' +
    'zur zum für über unter vor als wie ist sind war waren wird werden wurde wurden hat haben hatte sein nicht auch noch ' +
    'nur schon es er sie wir ihr ich man sich dass so um bis durch gegen ohne mehr sehr kann können soll sollen muss ' +
    'diese dieser dieses jetzt dann denn doch wenn was wer wo',
  es:
    'el la los las un una unos unas y o pero de del a al en con por para sin sobre entre como es son fue era ser está ' +
    'están ha han había se su sus que qué no más muy ya también lo le les este esta estos estas ese esa eso cuando donde ' +
    'hasta',
  fr:
    'le la les un une des et ou mais de du au aux en dans sur pour par avec sans sous est sont était être a ont avait se ' +
    'sa son ses leur leurs que qui ne pas plus très aussi ce cette ces il elle ils elles nous vous on comme',
  it:
    'il lo la i gli le un uno una e o ma di del della dei delle da dal in nel nella con per su tra fra come è sono era ' +
    'essere ha hanno aveva si suo sua suoi che non più molto anche questo questa quello quella',
  pl:
    'i w we z ze na do od po o u za przez dla jest są był była było być się nie że to ten ta te jak ale lub oraz także ' +
    'już tylko jego jej ich który która które',
  tr: 've ile bir bu şu o da de için gibi daha çok en ama ki ne mi olarak olan',
  ru:
    'и в во на с со к по о об от до из за для не что это как но а же был была были быть он она они его её их который ' +
    'того этого чтобы также',
};

const FOLDED = new Map<string, string>();
/** Lower case without diacritics: "Zürich" meets "Zurich", "Erdoğan" "Erdogan". */
function fold(word: string): string {
  const lower = word.toLowerCase();
  let ascii = true;
  for (let i = 0; i < lower.length && ascii; i++) ascii = lower.charCodeAt(i) < 128;
  if (ascii) return lower;
  let out = FOLDED.get(lower);
  if (out === undefined) {
    out = lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/ł/g, 'l');
    // Bounded: a long-running process meets an open-ended vocabulary.
    if (FOLDED.size >= 200_000) FOLDED.clear();
    FOLDED.set(lower, out);
  }
  return out;
}

const STOP = new Map(
  Object.entries(STOP_WORDS).map(([lang, words]) => [lang, new Set(words.split(' ').map(fold))]),
);
const ALL_STOP = new Set([...STOP.values()].flatMap((s) => [...s]));

/**
 * Words are cut to this many characters: enough to tell most words apart, short enough that inflected
 * forms, German compounds' heads and many cognates across languages meet.
 */
const PREFIX = 5;
/** Without a line break the headline cannot be told from the text; this many words stand in for it. */
const TITLE_WORDS = 8;
const MAX_TITLE_WORDS = 25;
/** A word's weight in `opening` is OPENING / (OPENING + position). */
const OPENING = 12;
/** How far into the other text `titleIn` looks for a headline's words. */
const TITLE_REACH = 150;

// Han and kana are taken one character at a time, and never as part of a word in another script.
const TOKEN =
  /\p{Script=Han}|[\p{Script=Hiragana}\p{Script=Katakana}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}])+(?:[.,:]\d+)*/gu;
const NUMBER = /^\d+(?:[.,:]\d+)*$/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SENTENCE_END = new Set([...'.!?:;"“”«»„(\n']);

export function storyProfile(doc: StoryText): StoryProfile {
  const text = (doc.title ? `${doc.title}\n${doc.text}` : doc.text).normalize('NFKC');
  const lang = doc.lang?.slice(0, 2).toLowerCase() || guessLanguage(text);
  const stop = STOP.get(lang) ?? ALL_STOP;
  const han = lang === 'zh' || lang === 'ja';
  const start = text.length - text.trimStart().length;
  // Scraped texts mark the headline's end by a line break, or by " / " or a double space where line
  // breaks were flattened.
  const cut = text.slice(start, start + 250).search(/\n|\s\/\s|\S\s{2,}\S/);
  const titleEnd = cut > 10 ? start + cut + 1 : -1;
  let titleWords = -1;
  const words: string[] = [];
  const names: string[] = [];
  const numbers = new Set<string>();
  let tokens = 0;
  let prevHan = -1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    const at = m.index;
    tokens++;
    if (titleWords < 0 && titleEnd >= 0 && at >= titleEnd) titleWords = words.length;
    if (raw.charCodeAt(0) >= 0x2e80 && CJK.test(raw)) {
      // Han text has no spaces: overlapping character pairs stand in for its words.
      if (raw.length === 1 && prevHan === at - 1) words.push(text[at - 1]! + raw);
      prevHan = raw.length === 1 ? at : -1;
      continue;
    }
    // Letters and digits mixed ("G20", "A380", "COVID19") make a name, not a number.
    if (NUMBER.test(raw)) {
      numbers.add(normalizeNumber(raw));
      continue;
    }
    const f = fold(raw);
    if (f.length < 2 || stop.has(f)) continue;
    const w = f.length > PREFIX ? f.slice(0, PREFIX) : f;
    words.push(w);
    const upper = raw[0] !== raw[0]!.toLowerCase();
    if ((upper && !opensSentence(text, at)) || (han && /^\p{Script=Latin}/u.test(raw))) names.push(w);
  }
  return {
    lang,
    words,
    title: words.slice(0, titleWords > 0 ? Math.min(titleWords, MAX_TITLE_WORDS) : TITLE_WORDS),
    names,
    numbers: [...numbers],
    tokens,
  };
}

/** Whether the word at `at` opens a sentence, where capitals say nothing about names. */
function opensSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 4; i--) {
    const ch = text[i]!;
    if (SENTENCE_END.has(ch)) return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '\u00a0') return false;
  }
  return at <= 4;
}

function normalizeNumber(raw: string): string {
  // Thousands separators differ by language ("1,000", "1.000"); groups of exactly three digits are them.
  if (/^\d{1,3}([.,]\d{3})+$/.test(raw)) return raw.replace(/[.,]/g, '');
  return raw.replace(',', '.');
}

function guessLanguage(text: string): string {
  if (CJK.test(text.slice(0, 300)))
    return /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) ? 'ja' : 'zh';
  let best = 'en';
  let bestHits = 0;
  const sample = text
    .slice(0, 2000)
    .split(/[^\p{L}]+/u)
    .map(fold);
  for (const [lang, stop] of STOP) {
    let hits = 0;
    for (const w of sample) if (stop.has(w)) hits++;
    if (hits > bestHits) {
      best = lang;
      bestHits = hits;
    }
  }
  return best;
}

/** Document frequencies over the articles being compared: a word most of them use says little. */
export class StoryIdf {
  private readonly idf = new Idf();
  add(p: StoryProfile): void {
    this.idf.add([...p.words, ...p.names, ...p.numbers]);
  }
  weight(word: string): number {
    return Math.max(this.idf.weight(word), 0.1);
  }
}

interface Weights {
  weight(word: string): number;
}
const UNIFORM: Weights = { weight: () => 1 };

function frequencies(words: string[], decay: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    m.set(w, (m.get(w) ?? 0) + (decay ? decay / (decay + i) : 1));
  }
  return m;
}

/** Cosine of IDF-weighted, log-damped term frequencies: a word repeated ten times is not ten words. */
function cosine(a: string[], b: string[], idf: Weights, decay = 0): number {
  const ta = frequencies(a, decay);
  const tb = frequencies(b, decay);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, c] of ta) {
    const x = Math.log1p(c) * idf.weight(w);
    na += x * x;
    const d = tb.get(w);
    if (d) dot += x * Math.log1p(d) * idf.weight(w);
  }
  for (const [w, c] of tb) {
    const x = Math.log1p(c) * idf.weight(w);
    nb += x * x;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Weighted share of `a`'s distinct words found among the first `limit` of `b`. */
function containment(a: string[], b: string[], limit: number, idf: Weights): number {
  const sb = new Set(b.length > limit ? b.slice(0, limit) : b);
  let inter = 0;
  let total = 0;
  for (const w of new Set(a)) {
    const x = idf.weight(w);
    total += x;
    if (sb.has(w)) inter += x;
  }
  return total ? inter / total : 0;
}

/** Weighted Dice coefficient of two sets. */
function dice(a: string[], b: string[], idf: Weights): number {
  const sb = new Set(b);
  let inter = 0;
  let total = 0;
  for (const w of a) {
    const x = idf.weight(w);
    total += x;
    if (sb.has(w)) inter += 2 * x;
  }
  for (const w of b) total += idf.weight(w);
  return total ? inter / total : 0;
}

export function storySignals(a: StoryProfile, b: StoryProfile, corpus?: StoryIdf): StorySignals {
  const idf: Weights = corpus ?? UNIFORM;
  return {
    crossLanguage: a.lang === b.lang ? 0 : 1,
    body: cosine(a.words, b.words, idf),
    opening: cosine(a.words, b.words, idf, OPENING),
    titleIn: Math.max(
      containment(a.title, b.words, TITLE_REACH, idf),
      containment(b.title, a.words, TITLE_REACH, idf),
    ),
    names: cosine(a.names, b.names, idf),
    numbers: dice(a.numbers, b.numbers, idf),
    lengthRatio: Math.min(a.tokens, b.tokens) / Math.max(a.tokens, b.tokens, 1),
  };
}

const hinge = (x: number, at: number) => Math.max(0, x - at);

/**
 * The regression's inputs. Similarity rises steeply over a middle band of cosines and is flat below and
 * above it, so the cosines enter as piecewise-linear functions. Across languages shared words are mostly
 * names and numbers, so their signals get weights of their own there.
 */
export function storyFeatures(s: StorySignals): number[] {
  const x = s.crossLanguage;
  return [
    1,
    s.opening,
    hinge(s.opening, 0.08),
    hinge(s.opening, 0.2),
    hinge(s.opening, 0.35),
    s.body,
    hinge(s.body, 0.08),
    hinge(s.body, 0.2),
    hinge(s.body, 0.35),
    s.titleIn,
    s.numbers,
    s.lengthRatio,
    x,
    x * s.opening,
    x * s.names,
  ];
}

/**
 * `fitStoryWeights` on the 1,283 pairs of the SemEval-2022 Task 8 sample's train file (IDF over that
 * file's articles), target -Overall; run `REUSE_FIT=1 npm run eval:reuse` to fit them again. In the
 * order of `storyFeatures`.
 */
export const STORY_WEIGHTS: readonly number[] = [
  -3.661, 1.359, 1.248, -0.3, -1.215, 1.07, 1.036, -1.153, -1.954, 1.248, 0.576, -0.32, 0.359, -1.769, 2.211,
];

/**
 * Least squares with a slight ridge (not on the intercept), by the normal equations: the features are
 * few and the pairs a few thousand.
 */
export function fitStoryWeights(signals: StorySignals[], targets: number[], ridge = 1e-3): number[] {
  const rows = signals.map(storyFeatures);
  const d = rows[0]?.length ?? 0;
  const a = Array.from({ length: d }, () => new Array<number>(d + 1).fill(0));
  rows.forEach((r, i) => {
    for (let j = 0; j < d; j++) {
      a[j]![d]! += r[j]! * targets[i]!;
      for (let k = 0; k < d; k++) a[j]![k]! += r[j]! * r[k]!;
    }
  });
  for (let j = 1; j < d; j++) a[j]![j]! += ridge * rows.length;
  // Gauss-Jordan elimination with partial pivoting.
  for (let i = 0; i < d; i++) {
    let p = i;
    for (let k = i + 1; k < d; k++) if (Math.abs(a[k]![i]!) > Math.abs(a[p]![i]!)) p = k;
    [a[i], a[p]] = [a[p]!, a[i]!];
    for (let k = 0; k < d; k++)
      if (k !== i) {
        const f = a[k]![i]! / a[i]![i]!;
        for (let j = i; j <= d; j++) a[k]![j]! -= f * a[i]![j]!;
      }
  }
  return a.map((r, i) => r[d]! / r[i]!);
}

/** The fitted prediction of the Overall label, negated: -4 for unrelated stories, -1 for the same. */
export function storyScore(s: StorySignals, weights: readonly number[] = STORY_WEIGHTS): number {
  const f = storyFeatures(s);
  let y = 0;
  for (let i = 0; i < f.length; i++) y += f[i]! * (weights[i] ?? 0);
  return y;
}

/**
 * How much two articles are about the same story: 0 when they share nothing, 1 when the fit predicts the
 * same event (Overall 1). Pass a `StoryIdf` built from the articles being compared when there are more
 * than a handful; without one every word weighs the same.
 */
export function storySimilarity(
  a: StoryText | StoryProfile,
  b: StoryText | StoryProfile,
  idf?: StoryIdf,
): number {
  const pa = 'words' in a ? a : storyProfile(a);
  const pb = 'words' in b ? b : storyProfile(b);
  return storySimilarityOf(storySignals(pa, pb, idf));
}

/** `storySimilarity` from a pair's signals. */
export function storySimilarityOf(s: StorySignals, weights: readonly number[] = STORY_WEIGHTS): number {
  const nothingShared = weights[0]!;
  return Math.min(1, Math.max(0, (storyScore(s, weights) - nothingShared) / (-1 - nothingShared)));
}
