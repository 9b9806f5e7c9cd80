/**
 * Language identification for articles whose page does not declare one. franc's trigram model is
 * accurate from a few hundred characters on, so only the opening of the text is looked at.
 */
import { franc } from 'franc-min';

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

export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 600);
  if (sample.trim().length < 40) return undefined;
  const code = franc(sample, { minLength: 40 });
  if (code === 'und') return undefined;
  return TWO_LETTER[code] ?? code;
}
