/**
 * The Porter stemmer as NLTK's default PorterStemmer applies it (its "NLTK extensions" mode), which is
 * what Google's rouge-score uses: the 1980 algorithm plus a few irregular forms, "ies"/"ied" on
 * four-letter words, y → i only after a consonant, and the later "bli", "logi", "alli", "fulli" rules.
 * Common JavaScript ports differ in these corners, which moves ROUGE by up to two points on a summary.
 */

const IRREGULAR: Record<string, string> = {
  sky: 'sky',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  news: 'news',
  innings: 'inning',
  inning: 'inning',
  outings: 'outing',
  outing: 'outing',
  cannings: 'canning',
  canning: 'canning',
  howe: 'howe',
  proceed: 'proceed',
  exceed: 'exceed',
  succeed: 'succeed',
};

function cons(w: string, i: number): boolean {
  const ch = w[i]!;
  if ('aeiou'.includes(ch)) return false;
  if (ch === 'y') return i === 0 ? true : !cons(w, i - 1);
  return true;
}

/** m, the number of vowel-consonant sequences, of the prefix w[0..j]. */
function m(w: string, j: number): number {
  let n = 0;
  let i = 0;
  while (i <= j && cons(w, i)) i++;
  while (i <= j) {
    while (i <= j && !cons(w, i)) i++;
    if (i > j) break;
    while (i <= j && cons(w, i)) i++;
    n++;
  }
  return n;
}

const stemMeasure = (w: string, suffixLength: number) => m(w, w.length - suffixLength - 1);
const vowelIn = (s: string) => [...s].some((_, i) => !cons(s, i));
const doubleC = (w: string) => w.length >= 2 && w[w.length - 1] === w[w.length - 2] && cons(w, w.length - 1);

function cvc(w: string, i: number): boolean {
  if (i === 0) return false;
  if (i === 1) return !cons(w, 0) && cons(w, 1);
  if (!cons(w, i) || cons(w, i - 1) || !cons(w, i - 2)) return false;
  return !'wxy'.includes(w[i]!);
}

function step1ab(w: string): string {
  if (w.endsWith('s')) {
    if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.endsWith('ies')) w = w.length === 4 ? w.slice(0, -1) : w.slice(0, -2);
    else if (w[w.length - 2] !== 's') w = w.slice(0, -1);
  }
  let trimmed = false;
  if (w.endsWith('ied')) w = w.length === 4 ? w.slice(0, -1) : w.slice(0, -2);
  else if (w.endsWith('eed')) {
    if (stemMeasure(w, 3) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && vowelIn(w.slice(0, -2))) {
    w = w.slice(0, -2);
    trimmed = true;
  } else if (w.endsWith('ing') && vowelIn(w.slice(0, -3))) {
    w = w.slice(0, -3);
    trimmed = true;
  }
  if (trimmed) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (doubleC(w)) {
      if (!'lsz'.includes(w[w.length - 1]!)) w = w.slice(0, -1);
    } else if (m(w, w.length - 1) === 1 && cvc(w, w.length - 1)) w += 'e';
  }
  return w;
}

const step1c = (w: string) =>
  w.endsWith('y') && w.length > 2 && cons(w, w.length - 2) ? `${w.slice(0, -1)}i` : w;

/** [suffix, replacement, how many trailing characters the measured stem leaves off]. */
const STEP2: [string, string, number][] = [
  ['ational', 'ate', 7],
  ['tional', 'tion', 6],
  ['enci', 'ence', 4],
  ['anci', 'ance', 4],
  ['izer', 'ize', 4],
  ['bli', 'ble', 3],
  ['fulli', 'ful', 5],
  ['entli', 'ent', 5],
  ['eli', 'e', 3],
  ['ousli', 'ous', 5],
  ['ization', 'ize', 7],
  ['ation', 'ate', 5],
  ['ator', 'ate', 4],
  ['alism', 'al', 5],
  ['iveness', 'ive', 7],
  ['fulness', 'ful', 7],
  ['ousness', 'ous', 7],
  ['aliti', 'al', 5],
  ['iviti', 'ive', 5],
  ['biliti', 'ble', 6],
  ['logi', 'log', 3],
];

function step2(w: string): string {
  if (w.length <= 1) return w;
  if (w.endsWith('alli')) return stemMeasure(w, 4) > 0 ? step2(w.slice(0, -2)) : w;
  for (const [suffix, replacement, measured] of STEP2) {
    if (!w.endsWith(suffix)) continue;
    // "ational" must not be read as "tional", nor "ization" as "ation": the first listed match decides.
    return stemMeasure(w, measured) > 0 ? w.slice(0, -suffix.length) + replacement : w;
  }
  return w;
}

const STEP3: [string, string][] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

function step3(w: string): string {
  for (const [suffix, replacement] of STEP3)
    if (w.endsWith(suffix))
      return stemMeasure(w, suffix.length) > 0 ? w.slice(0, -suffix.length) + replacement : w;
  return w;
}

const STEP4 = [
  'ement',
  'ance',
  'ence',
  'able',
  'ible',
  'ment',
  'sion',
  'tion',
  'ant',
  'ent',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
  'al',
  'er',
  'ic',
  'ou',
];

function step4(w: string): string {
  if (w.length <= 1) return w;
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    // For -sion/-tion only "ion" goes; the s or t stays.
    const cut = suffix === 'sion' || suffix === 'tion' ? 3 : suffix.length;
    return stemMeasure(w, cut) > 1 ? w.slice(0, -cut) : w;
  }
  return w;
}

function step5(w: string): string {
  if (w.endsWith('e')) {
    const a = m(w, w.length - 1);
    if (a > 1 || (a === 1 && !cvc(w, w.length - 2))) w = w.slice(0, -1);
  }
  if (w.endsWith('ll') && m(w, w.length - 1) > 1) w = w.slice(0, -1);
  return w;
}

export function porterStem(input: string): string {
  const word = input.toLowerCase();
  if (IRREGULAR[word]) return IRREGULAR[word]!;
  if (word.length <= 2) return word;
  return step5(step4(step3(step2(step1c(step1ab(word))))));
}
