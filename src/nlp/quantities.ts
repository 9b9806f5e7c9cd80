/**
 * Quantities with what they measure: digits and number words ("5-1/2", "a dozen", "100,000",
 * "two-thirds", "tens of thousands"), scales and currencies ("$3 billion"), units normalised to one base
 * per dimension (hours, km, kg, km², km/h, %), ranges, and hedges kept as intervals: "nearly six hours"
 * is [5.4, 6], "more than five hours" [5, 7.5], "roughly 3-1/2 hours" [3.15, 3.85] — so the first two
 * agree and the third contradicts both. Years, dates, times of day and identifiers are not quantities.
 */
import type { Article, Quantity } from '../model/index.ts';
import {
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  FRACTION_WORDS,
  HEDGE_PHRASES,
  HEDGES,
  NOT_MEASURE,
  SCALE_WORDS,
  UNITS,
  UNITS_WORDS,
  VAGUE,
} from './quantities/lexicon.ts';

const UNIT_WORDS = Object.keys(UNITS_WORDS).join('|');
// "six and a half hours", "3 and a half years".
const AND_A_HALF = String.raw`(?:\s+and\s+a\s+half)`;
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const WORD_NUMBER = `(?:(?:${TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${UNIT_WORDS})(?:\\s+(?:hundred|thousand|million|billion)(?:\\s+and\\s+(?:${TENS}|${UNIT_WORDS}))?)*${AND_A_HALF}?`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[- ]\d\/\d|${AND_A_HALF})?|\d\/\d`;
const VAGUE_RE = String.raw`tens of thousands|hundreds of thousands|(?:several|a few) (?:thousand|hundred)|thousands|hundreds|dozens|millions|a dozen|a couple of`;
const FRACTION_RE = String.raw`one-half|a half|one-third|two-thirds|a third|one-quarter|a quarter|three-quarters|half`;
const CORE = new RegExp(
  String.raw`(?<cur>US\$|C\$|A\$|[$€£¥₹₽₩])?\s?(?<num>${DIGITS})(?:\s?(?<scale>million|billion|trillion|thousand|mn|bn|tn|m|k)\b)?|\b(?<vague>${VAGUE_RE})\b|\b(?<frac>${FRACTION_RE})\b|\b(?<word>${WORD_NUMBER})\b|\b(?<decade>a decade)\b`,
  'giu',
);

const MONTHS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s*$/i;
const MONTH_AFTER =
  /^\s*(jan(uary)?|feb(ruary)?|march|april|may|june|july|aug(ust)?|sept(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/i;
const UNIT_AFTER =
  /^(?<sep>\s*-?\s*|\s+)(?<unit>square (?:kilomet(?:re|er)s?|miles?)|percentage points?|per cent|percent|%|km\/h|mph|km2|kilomet(?:re|er)s?|km|miles?|centimet(?:re|er)s?|cm|millimet(?:re|er)s?|mm|metres?|meters?|m\b|feet|foot|ft|kg|kilograms?|tonnes?|tons?|pounds?|lbs?|hectares?|acres?|seconds?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|decades?|dollars?|euros?|pounds? sterling|sterling|yen|yuan|rupees?|roubles?|rubles?|francs?|usd|eur|gbp)(?:\b|(?<=%))/i;

function parseDigits(num: string): number {
  const half = /^(\d+)\s+and\s+a\s+half$/.exec(num);
  if (half) return Number(half[1]) + 0.5;
  const mixed = /^(\d+)[- ](\d)\/(\d)$/.exec(num);
  if (mixed) return Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
  const frac = /^(\d)\/(\d)$/.exec(num);
  if (frac) return Number(frac[1]) / Number(frac[2]);
  return Number(num.replace(/,/g, ''));
}

function parseWords(text: string): number {
  let total = 0;
  let current = 0;
  const words = text.toLowerCase().split(/[\s-]+/);
  // "and a half" ends the number: a half more than what came before it.
  if (words.at(-1) === 'half' && words.at(-2) === 'a') return parseWords(words.slice(0, -3).join(' ')) + 0.5;
  for (const raw of words) {
    if (raw === 'and') continue;
    if (UNITS_WORDS[raw] !== undefined) current += UNITS_WORDS[raw]!;
    else if (raw === 'hundred') current = (current || 1) * 100;
    else if (SCALE_WORDS[raw]) {
      total += (current || 1) * SCALE_WORDS[raw]!;
      current = 0;
    }
  }
  return total + current;
}

function unitInfo(raw: string): { unit: string; dimension: Quantity['dimension']; factor: number } | null {
  const u = raw.toLowerCase().replace(/\s+/g, ' ');
  if (/^(hrs?)$/.test(u)) return UNITS.hour!;
  if (/^(ft)$/.test(u)) return UNITS.foot!;
  if (/^lbs?$/.test(u)) return UNITS.lb!;
  const singular = u === 'feet' ? u : u.replace(/(?<=[a-z]{2})s$/, '');
  if (UNITS[singular]) return UNITS[singular]!;
  if (UNITS[u]) return UNITS[u]!;
  const currency = CURRENCY_WORDS[singular.replace(/ sterling$/, '')];
  if (currency) return { unit: currency, dimension: 'money', factor: 1 };
  return null;
}

function hedgeBefore(text: string, start: number): { name: string; from: number; phrase: string } | null {
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
  for (const phrase of HEDGE_PHRASES) {
    if (before.endsWith(`${phrase} `) || before.endsWith(phrase)) {
      const from =
        start - (before.endsWith(' ') && before.endsWith(`${phrase} `) ? phrase.length + 1 : phrase.length);
      const prev = text[from - 1];
      if (prev && /[\p{L}\p{N}]/u.test(prev)) continue;
      const entry = HEDGES.find((h) => h.hedge.words.test(phrase));
      if (entry) return { name: entry.name, from, phrase };
    }
  }
  return null;
}

function measureAfter(
  text: string,
  from: number,
  money = false,
): { measure: string; start: number; end: number } | null {
  const rest = text.slice(from, from + 80);
  // "hours of talks"; for money also "$3 billion in aid" and "$250 million for reconstruction".
  const ofMatch = (money ? /^\s+(of|in|for)\s+/i : /^\s+of\s+/i).exec(rest);
  let offset = ofMatch ? ofMatch[0].length : 0;
  // "a third of the budget", "half of their members": the determiner is not what is counted.
  if (ofMatch)
    offset +=
      /^(?:the|its|their|his|her|our|your|these|those|this|that|all)\s+/i.exec(rest.slice(offset))?.[0]
        .length ?? 0;
  const re = /^\s*([a-z][a-z'-]*)/;
  let pos = offset;
  let head: { word: string; start: number; end: number } | null = null;
  for (let i = 0; i < 3; i++) {
    const m = re.exec(rest.slice(pos));
    if (!m) break;
    const word = m[1]!;
    if (NOT_MEASURE.has(word) || VERBISH.test(word)) break;
    const wStart = from + pos + m[0].length - word.length;
    head = { word, start: wStart, end: wStart + word.length };
    pos += m[0].length;
    if (/^[\s]*[,.;:!?)]/.test(rest.slice(pos))) break;
  }
  return head ? { measure: head.word, start: head.start, end: head.end } : null;
}

// Past-tense and common verbs end a noun phrase: "people marched", "shares fell".
const VERBISH =
  /^([a-z]+ed|said|says|fell|rose|grew|were|was|is|are|had|has|have|went|came|took|made|lost|won|left|met|told|saw|would|will|could|should|may|might|can|must|did|do|does|goes|gets|comes|remains|seems|appears|means|needs|wants|gives|keeps|stays|becomes|includes|contains|accounts|belongs|represents|lies|sits)$/;

function measureBefore(text: string, start: number): { measure: string; start: number; end: number } | null {
  const window = text.slice(Math.max(0, start - 50), start);
  const words = [...window.matchAll(/\b[A-Za-z][a-z'-]*\b/g)];
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const w = words[i]![0].toLowerCase();
    if (NOT_MEASURE.has(w) || HEDGE_PHRASES.includes(w)) continue;
    if (/(ly)$/.test(w) || VERBISH.test(w)) continue;
    const s = start - window.length + words[i]!.index!;
    return { measure: w, start: s, end: s + w.length };
  }
  return null;
}

function isExcluded(
  text: string,
  start: number,
  end: number,
  raw: string,
  hasUnitOrCurrency: boolean,
  isWord: boolean,
): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  if (/[\p{L}_]$/u.test(before) && !/\s$/.test(before)) return true;
  if (/^[\p{L}_]/u.test(after) && !isWord && !/^(m|k|bn|mn|km|cm|mm|kg|ft|lb)/i.test(after)) return true;
  if (/[-–]\s*$/.test(before) && /[\p{L}]-$/u.test(before.trim())) return true;
  if (MONTHS.test(before) || MONTH_AFTER.test(after)) return true;
  if (/^\s*(a\.m\.|p\.m\.|am\b|pm\b|gmt|utc|[:.]\d{2}\b)/i.test(after)) return true;
  if (/^\s*(st|nd|rd|th)\b/i.test(after)) return true;
  if (/\b(no\.|number|page|article|section|rule|chapter|room|flight|route|highway)\s*$/i.test(before))
    return true;
  if (!hasUnitOrCurrency && /^(19|20)\d{2}$/.test(raw)) return true;
  if (/[/#@]\s*$/.test(before) || /^[/#@]/.test(after)) return true;
  return false;
}

const HOURS_PER_YEAR = 8766;

export function findQuantities(article: Article): Quantity[] {
  const text = article.text;
  const out: Quantity[] = [];
  CORE.lastIndex = 0;
  for (let m = CORE.exec(text); m; m = CORE.exec(text)) {
    if (m[0].trim() === '') {
      CORE.lastIndex++;
      continue;
    }
    const g = m.groups!;
    let start = m.index + (m[0].length - m[0].trimStart().length);
    let end = m.index + m[0].length;
    let value: number;
    let low: number;
    let high: number;
    let vague = false;
    const isWord = !!(g.word || g.vague || g.frac);
    if (g.num) {
      value = parseDigits(g.num);
      if (g.scale) value *= SCALE_WORDS[g.scale.toLowerCase()] ?? 1;
    } else if (g.vague) {
      const v = VAGUE.find((x) => x.pattern.test(g.vague!))!;
      low = v.low;
      high = v.high;
      value = v.low;
      vague = low !== high;
    } else if (g.frac) {
      value = FRACTION_WORDS[g.frac.toLowerCase()] ?? 0.5;
      // "a quarter of a million people", "half a million": the fraction scales the number after it.
      const ofScale = /^\s+(?:of\s+)?a\s+(thousand|million|billion)\b/i.exec(text.slice(end));
      if (ofScale) {
        value *= SCALE_WORDS[ofScale[1]!.toLowerCase()]!;
        end += ofScale[0].length;
      }
    } else if (g.decade) value = 1;
    else value = parseWords(g.word!);
    if (!Number.isFinite(value) || Math.abs(value) > 1e15) continue;
    let currency = g.cur ? CURRENCY_SYMBOLS[g.cur] : undefined;
    // Units and ranges after the number.
    let unitInfoFound: ReturnType<typeof unitInfo> = null;
    let rangeHigh: number | null = null;
    const range =
      /^\s?(?:-|–|to)\s?(?:[$€£])?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(million|billion|thousand|bn|m|k)\b)?/.exec(
        text.slice(end),
      );
    if (g.num && range && !/^(19|20)\d{2}$/.test(g.num)) {
      const second =
        parseDigits(range[1]!) *
        (range[2]
          ? (SCALE_WORDS[range[2].toLowerCase()] ?? 1)
          : g.scale
            ? (SCALE_WORDS[g.scale.toLowerCase()] ?? 1)
            : 1);
      const afterRange = text.slice(end + range[0].length);
      if (second > value && (UNIT_AFTER.test(afterRange) || currency || /^\s?%/.test(afterRange))) {
        rangeHigh = second;
        end += range[0].length;
      }
    }
    const unitMatch = g.decade ? /^/.exec('') : UNIT_AFTER.exec(text.slice(end));
    if (g.decade) unitInfoFound = unitInfo('decade');
    if (unitMatch?.groups) {
      const info = unitInfo(unitMatch.groups!.unit!);
      if (info) {
        unitInfoFound = info;
        end += unitMatch[0].length;
        if (info.dimension === 'money') currency = info.unit;
      }
    }
    const raw = g.num ?? g.word ?? g.vague ?? g.frac ?? '';
    if (isExcluded(text, start, m.index + m[0].length, raw, !!(currency || unitInfoFound || g.scale), isWord))
      continue;
    // "one" and "a dozen" words without a unit or noun are too often not quantities.
    const hedge = hedgeBefore(text, start);
    // "between 500 and 5,500 km"
    const between = /between\s+$/i.exec(text.slice(Math.max(0, start - 10), start));
    if (between && g.num) {
      const andMatch = /^\s+and\s+(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)/.exec(text.slice(m.index + m[0].length));
      if (andMatch) {
        rangeHigh = parseDigits(andMatch[1]!);
        end = m.index + m[0].length + andMatch[0].length;
        const u = UNIT_AFTER.exec(text.slice(end));
        if (u && unitInfo(u.groups!.unit!)) {
          unitInfoFound = unitInfo(u.groups!.unit!);
          end += u[0].length;
        }
        start -= between[0].length;
      }
    }
    let factor = unitInfoFound && unitInfoFound.dimension !== 'money' ? unitInfoFound.factor : 1;
    let dimension: Quantity['dimension'] = currency ? 'money' : (unitInfoFound?.dimension ?? 'count');
    let unit = currency ?? unitInfoFound?.unit ?? '';
    // "a 6-year-old girl", "she is 56 years old": an age, not how long something lasted. Kept in years,
    // so that outlets giving one person's age in years and in months still compare.
    // "three weeks ago" says when, not how long: the date finder reads it.
    if (dimension === 'duration' && /^\s+ago\b/i.test(text.slice(end))) continue;
    const old = dimension === 'duration' ? /^(?:-|\s)old\b/.exec(text.slice(end)) : null;
    if (old) {
      end += old[0].length;
      dimension = 'age';
      unit = 'year';
      factor /= HOURS_PER_YEAR;
    }
    // "The minister, 54, resigned": a bare number set off by commas right after a name or a noun is
    // that person's age.
    const apposition =
      dimension === 'count' &&
      g.num &&
      !g.scale &&
      !hedge &&
      value >= 1 &&
      value <= 120 &&
      Number.isInteger(value)
        ? /(\p{L}[\p{L}'’-]*),\s$/u.exec(text.slice(Math.max(0, start - 40), start))
        : null;
    if (apposition && /^,/.test(text.slice(end)) && !/^(?:and|or|of|in|to|the|a|an)$/i.test(apposition[1]!)) {
      dimension = 'age';
      unit = 'year';
    }
    if (!vague) {
      low = value;
      high = rangeHigh ?? value;
    }
    low! *= factor;
    high! *= factor;
    value *= factor;
    let hedgeName: string | undefined;
    if (hedge && rangeHigh === null) {
      const h = HEDGES.find((x) => x.name === hedge.name)!.hedge;
      low = h.low(vague ? low! : value);
      high = h.high(vague ? high! : value);
      hedgeName = hedge.phrase;
      start = hedge.from;
    }
    let measure = measureAfter(text, end, dimension === 'money');
    if (!measure && (dimension === 'percent' || dimension === 'money' || dimension === 'age'))
      measure = measureBefore(text, start);
    if (dimension === 'count' && !measure) {
      if (isWord && !vague) continue;
      measure = measureBefore(text, start);
      if (!measure && !hedge) continue;
    }
    // "the two sides", "one official": counts this small are rarely a reported figure.
    if (dimension === 'count' && isWord && !g.frac && !hedge && value <= 2) continue;
    out.push({
      start,
      end,
      low: Math.min(low!, high!),
      high: Math.max(low!, high!),
      value,
      ...(hedgeName ? { hedge: hedgeName } : {}),
      unit,
      dimension,
      measure: measure?.measure ?? '',
      ...(measure ? { measureSpan: { start: measure.start, end: measure.end } } : {}),
    });
    CORE.lastIndex = Math.max(CORE.lastIndex, end);
    dimension = 'count';
  }
  return out;
}
