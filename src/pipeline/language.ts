/**
 * Language identification for articles whose page does not declare one, by franc's trigram models
 * (franc-min: its scripts and its per-language trigram ranks). The models are accurate from a few
 * hundred characters on, so only the opening of the text is looked at.
 *
 * The scoring is franc's, computed differently: franc looks every trigram of the sample up in every
 * language's model, one object per language, which took 0.7 ms an article (as long as finding its
 * entities). Here each trigram is looked up once, in one table of its ranks in all the script's
 * languages. The answer is franc's own, tie-breaks included (language.test.ts holds it to franc's on
 * texts in many scripts and on junk).
 */
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

// franc speaks ISO 639-3; reports use the two-letter BCP 47 subtags where one exists.
const TWO_LETTER: Record<string, string> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  rus: 'ru',
  ukr: 'uk',
  pol: 'pl',
  tur: 'tr',
  arb: 'ar',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  hin: 'hi',
  ben: 'bn',
  swe: 'sv',
  dan: 'da',
  nob: 'nb',
  fin: 'fi',
  ces: 'cs',
  slk: 'sk',
  hun: 'hu',
  ron: 'ro',
  bul: 'bg',
  ell: 'el',
  heb: 'he',
  pes: 'fa',
  urd: 'ur',
  ind: 'id',
  zlm: 'ms',
  vie: 'vi',
  tha: 'th',
  swh: 'sw',
  hau: 'ha',
  yor: 'yo',
  ibo: 'ig',
  amh: 'am',
  hrv: 'hr',
  srp: 'sr',
  bos: 'bs',
  slv: 'sl',
  lit: 'lt',
  lav: 'lv',
  est: 'et',
  cat: 'ca',
  glg: 'gl',
  eus: 'eu',
  tgl: 'tl',
  uzn: 'uz',
  kaz: 'kk',
  azj: 'az',
};

const SAMPLE_CHARS = 600;
const MIN_CHARS = 40;
// franc reads no further than this.
const FRANC_MAX_CHARS = 2048;
// franc's cost of a sample trigram a language's model lacks.
const MAX_DIFFERENCE = 300;

/** A script's languages, in franc's order, and each trigram's rank in each of them (-1: not in it). */
interface ScriptModels {
  languages: string[];
  ranks: Map<string, Int16Array>;
}

const models = new Map<string, ScriptModels>();

function modelsOf(script: string): ScriptModels {
  let built = models.get(script);
  if (built) return built;
  const languages = Object.keys(data[script]!);
  const ranks = new Map<string, Int16Array>();
  languages.forEach((language, l) => {
    const trigrams = data[script]![language]!.split('|');
    // Backwards, as franc builds its models: a trigram listed twice keeps its first rank.
    for (let rank = trigrams.length - 1; rank >= 0; rank--) {
      const trigram = trigrams[rank]!;
      let row = ranks.get(trigram);
      if (!row) {
        row = new Int16Array(languages.length).fill(-1);
        ranks.set(trigram, row);
      }
      row[l] = rank;
    }
  });
  built = { languages, ranks };
  models.set(script, built);
  return built;
}

/** The script with the largest share of the sample's characters; the first listed wins a tie. */
function topScript(sample: string): [string, number] {
  let top: [string, number] = ['', -1];
  for (const script in expressions) {
    const share = (sample.match(expressions[script]!)?.length ?? 0) / sample.length || 0;
    if (share > top[1]) top = [script, share];
  }
  return top;
}

/** How often each trigram occurs in the sample, cleaned as franc (trigram-utils) cleans it. */
function trigramCounts(sample: string): Map<string, number> {
  const cleaned = ` ${sample
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = cleaned.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/** franc's answer for the sample (ISO 639-3, or 'und'), with its minimum length. */
export function francLanguage(sample: string, minLength = MIN_CHARS): string {
  if (!sample || sample.length < minLength) return 'und';
  const value = sample.slice(0, FRANC_MAX_CHARS);
  const [script, share] = topScript(value);
  // A script written in one language only names it.
  if (!(script in data)) return !script || share === 0 ? 'und' : script;
  const { languages, ranks } = modelsOf(script);
  const distances = new Float64Array(languages.length);
  for (const [trigram, count] of trigramCounts(value)) {
    const row = ranks.get(trigram);
    // In no model: the same cost for every language, which cannot change the nearest.
    if (!row) continue;
    for (let l = 0; l < row.length; l++) {
      const rank = row[l]!;
      distances[l]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
  }
  // The nearest language; the first listed wins a tie, as franc's stable sort has it.
  let best = 0;
  for (let l = 1; l < languages.length; l++) if (distances[l]! < distances[best]!) best = l;
  return languages[best]!;
}

export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.trim().length < MIN_CHARS) return undefined;
  const code = francLanguage(sample);
  if (code === 'und') return undefined;
  return TWO_LETTER[code] ?? code;
}
