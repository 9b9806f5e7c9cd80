/**
 * Who said what. Direct quotes are found from quotation marks (straight, curly, guillemets, low-9, two
 * apostrophes; a paragraph that opens a quote without closing it continues into the next), reported speech
 * from the words of each sentence (quotes/clauses.ts: "X said (that) …", "…, X said.", "according to X",
 * "X's claim that …", a second verb of the same speaker). Each gets its cue, content and speaker span; a
 * quote inside reported speech takes the speaker of the clause around it. A quote its own attribution
 * splits ('"We will talk," she said. "But not today."') is one quote whose `parts` are the pieces. The speaker is resolved to an
 * entity: a name directly, a pronoun or a description ("the minister") to the most recent person before
 * it, and a bare quote to the person the preceding sentence names.
 */
import { type Article, type Entity, type Quote, quoteParts, type Span } from '../model/index.ts';
import { findClauses } from './quotes/clauses.ts';
import { colonAttributions } from './quotes/colon.ts';
import { CUE_VERBS } from './quotes/lexicon.ts';

const CUES =
  'said|says|say|called|calls|described|describes|found|finds|reported|reports|believes|believed|thinks|thought|expects|expected|hopes|hoped|wants|wanted|alleged|alleges|revealed|reveals|indicated|indicates|estimated|estimates|showed|shows|shown|concluded|concludes|argue|claim|insist|warn|disputed|disputes|questioned|questions|pointed out|points out|made clear|has learned|told|tells|added|adds|noted|notes|warned|warns|argued|argues|claimed|claims|insisted|insists|denied|denies|accused|accuses|acknowledged|acknowledges|announced|announces|wrote|writes|stated|states|explained|explains|declared|declares|asked|asks|replied|replies|stressed|stresses|urged|urges|admitted|admits|suggested|suggests|predicted|predicts|confirmed|confirms|promised|promises|vowed|vows|complained|complains|recalled|recalls|observed|observes|cautioned|cautions|emphasized|emphasised|maintained|maintains|contended|contends|continued|continues|read|reads|demanded|demands|yelled|yells|shouted|shouts|screamed|sang|sings|tweeted|tweets|posted|responded|responds|quipped|joked|remarked|testified|exclaimed|chanted|conceded|concedes|countered|counters|mused|recounted|told reporters|told journalists|said in a statement';
const CUE_WORD = new RegExp(`\\b(${CUES})\\b`, 'i');
const TITLE =
  '(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|President|Prime Minister|Minister|Chancellor|Secretary|Mayor|Judge|Chief|Councillor|Councilor|Senator|Governor|Ambassador|Envoy|Director|Commissioner)\\.?';
const NAME = `(?:${TITLE}\\s+)?(?:[A-Z][\\p{L}'’.-]+\\s+){0,4}[A-Z][\\p{L}'’-]+`;
const DESCRIPTION =
  "(?:the|a|an|one|another|two|three|several|some)\\s+(?:[a-z][\\p{L}'’-]+\\s+){0,4}(?:minister|official|officials|spokesman|spokeswoman|spokesperson|diplomat|leader|chief|president|analyst|analysts|expert|experts|witness|witnesses|resident|residents|source|sources|police|officer|officers|lawyer|adviser|advisor|aide|envoy|mayor|councillor|ministry|government|agency|company|group|union|statement|report|organisers|organizers|critics|observers|protesters|senator|governor|secretary|director|spokesmen|authorities|prosecutors|doctors|investigators|campaign|poll|polls|survey|surveys|study|studies|documents|records|data|figures|voters|respondents|people|supporters|administration|department|office|committee|party|council|court|commission|board|newspaper|network|website|memo|letter|filing|indictment|lawsuit|ruling|judge|jury|researchers|scientists|economists|strategists|aides|advisers|allies|spokespeople)";
const PRONOUN = '(?:he|she|they|He|She|They|we|We|I)';
// Shares of a poll speak too: "61 percent said the same", "Nine percent indicated that they had no view".
const SHARE = '(?:\\d+|[A-Z][a-z]+(?:-[a-z]+)?) percent(?: of (?:[a-z]+ ){0,2}[a-z]+)?';
const SPEAKER = `(?<speaker>${NAME}|${DESCRIPTION}|${PRONOUN}|${SHARE}|[A-Z][a-z]+ (?:officials|police|authorities))`;

const OPEN = '"“«„‘';
const CLOSE_FOR: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', '‘': '’' };

interface Found {
  content: Span;
  /** The pieces of a content split by its attribution; absent when it is one piece. */
  parts?: Span[];
  direct: boolean;
  speaker: Span | null;
  cue: Span | null;
}

/** The first span of `spans` holding `pos`. */
function spanAt(spans: readonly Span[], pos: number): Span | undefined {
  for (let k = 0; k < spans.length; k++) if (spans[k]!.start <= pos && pos < spans[k]!.end) return spans[k];
  return undefined;
}

function paragraphAt(article: Article, pos: number): Span | undefined {
  return spanAt(article.annotations.paragraphs, pos);
}

/** Two apostrophes as a quotation mark, as some archive texts print them: ''Yes,'' she said. */
const DOUBLE_APOSTROPHE = "''";

/** The quotation mark opening at i, as [its length, the closing mark], or null. */
function openingAt(text: string, i: number): [number, string] | null {
  const ch = text[i]!;
  if (ch === "'") {
    if (text[i + 1] !== "'" || /[\p{L}\p{N},.]/u.test(text[i - 1] ?? '') || /\s/.test(text[i + 2] ?? ' '))
      return null;
    return [2, DOUBLE_APOSTROPHE];
  }
  // '”The ferry is late again …” ― Ana Ruiz': a paragraph opened with the closing mark, as some
  // collections of readers' replies print it.
  if (ch === '”')
    return (i === 0 || text[i - 1] === '\n') && /\p{L}/u.test(text[i + 1] ?? '') ? [1, '”'] : null;
  if (!OPEN.includes(ch) || (ch === '‘' && /\p{L}/u.test(text[i - 1] ?? ''))) return null;
  // A straight quote after a letter is a closing one or an inch mark, not an opening.
  if (ch === '"' && /[\p{L}\p{N},.]/u.test(text[i - 1] ?? '')) return null;
  return [1, CLOSE_FOR[ch]!];
}

const TITLE_WORD =
  /^(?:[A-Z0-9][\p{L}'’.,:-]*|a|an|the|and|or|of|in|on|at|to|for|with|is|it|by|from|as|vs\.?|&)$/u;
const LONG_WORD = /[\p{L}]{4,}/u;

/** Short words a title leaves in lowercase: "Contract with Islanders", "Gone with the Wind". */
const TITLE_LOWER = /^(?:with|from|into|over|upon|than|that|this)$/;

/** Do most longer words of the span start with a capital? */
function capitalised(words: string[]): boolean {
  let long = 0;
  let caps = 0;
  for (const w of words)
    if (LONG_WORD.test(w) && !TITLE_LOWER.test(w)) {
      long++;
      if (/^[A-Z]/.test(w)) caps++;
    }
  return long > 0 && caps >= long * 0.75;
}

/**
 * A quoted name of a show, a book or a song in running text: '“Fox News Sunday”', '"Face the Nation"'. A
 * short span in title case inside a sentence that is not itself in title case (a headline quotes speech
 * in title case too).
 */
function isTitle(article: Article, start: number, stop: number): boolean {
  const first = article.text.charCodeAt(start);
  if (!(first >= 65 && first <= 90) || stop - start > 80) return false;
  const words = article.text.slice(start, stop).split(/\s+/);
  if (words.length > 7 || /[!?;]/.test(article.text.slice(start, stop))) return false;
  for (const w of words) if (!TITLE_WORD.test(w)) return false;
  if (!capitalised(words)) return false;
  const sentence = sentenceAt(article, start);
  if (!sentence) return false;
  // 'called him "Captain Chaos"', 'proclaimed a goal of "Fares For All."': a verb of saying just
  // before makes it words someone used.
  const lead = article.text
    .slice(Math.max(sentence.start, start - 40), start)
    .toLowerCase()
    .split(/[^a-z’']+/);
  for (let k = Math.max(0, lead.length - 5); k < lead.length; k++) {
    const verb = CUE_VERBS.get(lead[k]!);
    if (verb && !verb.addressee) return false;
  }
  const around = `${article.text.slice(sentence.start, start)} ${article.text.slice(stop, sentence.end)}`;
  return !capitalised(around.split(/\s+/));
}

/** Quotation-mark pairs; an unclosed quote opening a paragraph runs on into the next paragraph. */
function directQuotes(article: Article): Span[] {
  const text = article.text;
  const out: Span[] = [];
  const marks = /["“”«„‘']/g;
  let nextClose = 0;
  let nextOpen = 0;
  let i = 0;
  while (i < text.length) {
    marks.lastIndex = i;
    const mark = marks.exec(text);
    if (!mark) break;
    i = mark.index;
    const opening = openingAt(text, i);
    if (!opening) {
      i++;
      continue;
    }
    const [openLength, straightClose] = opening;
    let close = straightClose;
    let end = text.indexOf(close, i + openLength);
    const para = paragraphAt(article, i);
    // '"The crossing is a gamble,” said …': a straight mark closed by a curly one, as mixed typing leaves it.
    if (close === '"' && para) {
      // (The next curly marks are kept from one quote to the next, so the text is scanned once.)
      if (nextClose !== -1 && nextClose <= i) nextClose = text.indexOf('”', i + 1);
      if (nextOpen !== -1 && nextOpen <= i) nextOpen = text.indexOf('“', i + 1);
      const curly = nextClose;
      if (
        curly !== -1 &&
        curly < para.end &&
        (end === -1 || curly < end) &&
        (nextOpen === -1 || nextOpen > curly)
      ) {
        end = curly;
        close = '”';
      }
    }
    if (para && (end === -1 || end > para.end)) {
      // Multi-paragraph quote: the next paragraph re-opens it; the quote closes in a later paragraph.
      let p = para;
      let found = -1;
      for (let hops = 0; hops < 6; hops++) {
        const next = article.annotations.paragraphs.find((x) => x.start > p.end);
        if (!next || !openingAt(text, next.start)) break;
        const inNext = text.indexOf(close, next.start + openLength);
        if (inNext !== -1 && inNext < next.end) {
          found = inNext;
          break;
        }
        p = next;
      }
      end = found;
    }
    if (end === -1) {
      i += openLength;
      continue;
    }
    let start = i + openLength;
    let stop = end;
    while (start < stop && /\s/.test(text[start]!)) start++;
    while (stop > start && /[\s,]/.test(text[stop - 1]!)) stop--;
    const words = text.slice(start, stop).split(/\s+/).length;
    if (
      (words >= 3 || (words >= 2 && CUE_WORD.test(text.slice(Math.max(0, i - 60), i)))) &&
      !isTitle(article, start, stop)
    )
      out.push({ start, end: stop });
    i = end + close.length;
  }
  return out;
}

function sentenceAt(article: Article, pos: number): Span | undefined {
  return spanAt(article.annotations.sentences, pos);
}

// A speaker may carry a party tag or an apposition before the verb: '," Sen. Ada Ruiz (D-Ore.) said',
// '," Brandt, a senior campaign adviser, said'.
const SPEAKER_EXTRAS = `(?:\\s*\\([^()\\n]{1,30}\\))?(?:,\\s+[^,"“”\\n]{2,160},)?`;
const AFTER_SPEAKER_CUE = new RegExp(
  `^(?:["”»“’]|'')?\\s*[,.!?]?(?:["”»“’]|'')?\\s*${SPEAKER}${SPEAKER_EXTRAS}\\s+(?:(?:also|then|later|has|had)\\s+)?(?<cue>${CUES})\\b`,
  'u',
);
// '” ― Martha Aguilar': a dash and a name after the quote, as collections of reactions print them.
const AFTER_DASH_SPEAKER = new RegExp(`^["”»“’]?\\s*(?<cue>[―—–])\\s*(?<speaker>${NAME})`, 'u');
// '," panel Chairman Rep. Jo Ruiz (R-Ohio) said': any short run of words before the verb, abbreviations allowed.
const AFTER_ANY_SPEAKER_CUE = new RegExp(
  `^(?:["”»“’]|'')?\\s*,(?:["”»“’]|'')?\\s*(?<speaker>(?:[^"“”\\n.!?,;:]|(?<=\\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|St|Jr|U\\.S|[A-Z]))\\.){2,90}?)\\s+(?:(?:also|then|later|has|had)\\s+)?(?<cue>${CUES})\\b`,
  'u',
);
const OWN_CLAUSE =
  /^\s+(?!(?:on|in|at|during|to|of|after|before|while|when|last|this|yesterday|today|earlier|later|recently|afterward|then|again|too|also|via|from|by|with)\b)(?:that\b|[a-z])/;
const OPENS_NEXT = /^\s*[,:]\s*(?:["“«„]|'')/;
const AFTER_CUE_SPEAKER = new RegExp(
  `^(?:["”»“’]|'')?\\s*[,.!?]?(?:["”»“’]|'')?\\s*(?<cue>${CUES})\\s+${SPEAKER}`,
  'u',
);
const BEFORE_SPEAKER_CUE = new RegExp(
  `${SPEAKER}\\s+(?:(?:also|then|later|has|had)\\s+)?(?<cue>${CUES})(?:\\s+[\\p{L}\\d,'’-]+){0,6}?\\s*[:,]?\\s*$`,
  'u',
);

function offsetSpan(base: number, m: RegExpExecArray, group: 'speaker' | 'cue'): Span {
  const value = m.groups![group]!;
  const at =
    m.index +
    m[0].lastIndexOf(
      value,
      group === 'speaker' && m.groups!.cue && m[0].indexOf(m.groups!.cue) > m[0].indexOf(value)
        ? m[0].indexOf(m.groups!.cue)
        : m[0].length,
    );
  return { start: base + at, end: base + at + value.length };
}

function attributeDirect(article: Article, content: Span): Pick<Found, 'speaker' | 'cue'> {
  const text = article.text;
  const sentence = sentenceAt(article, content.start) ?? {
    start: Math.max(0, content.start - 200),
    end: Math.min(text.length, content.end + 200),
  };
  const afterStart = content.end;
  // A quote that closes its paragraph is not attributed by the next paragraph's subject and verb.
  const paragraphEnd = paragraphAt(article, Math.max(0, content.end - 1))?.end ?? text.length;
  const after = text.slice(
    afterStart,
    Math.min(text.length, paragraphEnd, Math.max(sentence.end, content.end) + 120),
  );
  // '…change.” She adds, “What …': a verb that opens the next quote, after a quote that closed its sentence.
  const closed = /[.!?]$/.test(text.slice(content.start, content.end));
  for (const re of [AFTER_SPEAKER_CUE, AFTER_CUE_SPEAKER, AFTER_DASH_SPEAKER, AFTER_ANY_SPEAKER_CUE]) {
    const m = re.exec(after);
    if (!m) continue;
    // '…tape.” Ditto said she expects …': after a closed quote, a sentence of its own.
    const rest = after.slice(m.index + m[0].length);
    if (closed && re !== AFTER_DASH_SPEAKER && (OPENS_NEXT.test(rest) || OWN_CLAUSE.test(rest))) break;
    return { speaker: offsetSpan(afterStart, m, 'speaker'), cue: offsetSpan(afterStart, m, 'cue') };
  }
  const beforeStart = Math.max(sentence.start, content.start - 200);
  const before = text.slice(beforeStart, Math.max(beforeStart, content.start - 1));
  const m = BEFORE_SPEAKER_CUE.exec(before);
  if (m) return { speaker: offsetSpan(beforeStart, m, 'speaker'), cue: offsetSpan(beforeStart, m, 'cue') };
  return { speaker: null, cue: null };
}

function indirectQuotes(article: Article, direct: Found[]): Found[] {
  const text = article.text;
  const out: Found[] = [];
  let d = 0;
  const colons = colonAttributions(article);
  let c = 0;
  for (const sentence of article.annotations.sentences) {
    while (d < direct.length && direct[d]!.content.end <= sentence.start) d++;
    while (c < colons.length && colons[c]!.content.end <= sentence.start) c++;
    const colon = colons[c];
    if (colon && colon.speaker.start < sentence.end) {
      // A speaker label and its colon: the whole content is theirs, with no attributions of its own.
      if (colon.speaker.start >= sentence.start) {
        let inside = false;
        for (const q of direct) {
          if (!(q.content.start < colon.content.end && colon.content.start < q.content.end)) continue;
          inside = true;
          if (!q.speaker && colon.content.start <= q.content.start) {
            q.speaker = colon.speaker;
            q.cue = colon.cue;
          }
        }
        if (!inside)
          out.push({ content: colon.content, direct: false, speaker: colon.speaker, cue: colon.cue });
      }
      continue;
    }
    let until = d;
    while (until < direct.length && direct[until]!.content.start < sentence.end) until++;
    const quoted: Span[] = [];
    let quoteSpeaker: Span | null = null;
    for (let k = d; k < until; k++) {
      quoted.push(direct[k]!.content);
      quoteSpeaker ??= direct[k]!.speaker;
    }
    for (const clause of findClauses(text, sentence, quoted, quoteSpeaker)) {
      let inside = false;
      let firstQuote: Span | null = null;
      for (let k = d; k < until; k++) {
        const q = direct[k]!;
        if (!(q.content.start < clause.content.end && clause.content.start < q.content.end)) continue;
        inside = true;
        firstQuote ??= q.content;
        // A quote inside reported speech ('He called the plan "a disaster"'): the clause gives its speaker.
        if (!q.speaker) {
          q.speaker = clause.speaker;
          q.cue = clause.cue;
        }
      }
      if (!inside)
        out.push({
          content: clause.content,
          ...(clause.parts ? { parts: clause.parts } : {}),
          direct: false,
          speaker: clause.speaker,
          cue: clause.cue,
        });
      else {
        // 'Others have said the same thing, including Ruiz -- "It is a disgrace" -- …': words of the
        // clause's own before a separate quote are reported speech of their own.
        const own =
          firstQuote && clause.cue.end <= clause.content.start
            ? ownWords(text, clause.content.start, firstQuote.start)
            : null;
        if (own) out.push({ content: own, direct: false, speaker: clause.speaker, cue: clause.cue });
      }
    }
  }
  return out;
}

/**
 * The reported words from `start` before a quote opening at `quoteStart`, when the quote stands apart from
 * them: as an aside after a dash or a parenthesis, or several words into a later phrase of the sentence.
 * Else null: a quote run into the clause ('called the plan "a disaster"', 'said that, "…"') belongs to it.
 */
function ownWords(text: string, start: number, quoteStart: number): Span | null {
  let stop = quoteStart;
  // Back over the opening mark, the dash or parenthesis, and the white space and commas around them.
  while (stop > start && /[\s"“‘«„',—–―(-]/.test(text[stop - 1]!)) stop--;
  if (/[—–―(]|--/.test(text.slice(stop, quoteStart)) && text.slice(start, stop).split(/\s+/).length >= 2)
    return { start, end: stop };
  // 'called for more information about the shooting, looping the streets while chanting, "Hands up"': the
  // clause's first phrase, when the quote comes several words into a later one.
  const phrase = /[,;—–―(]|\s-\s|--/.exec(text.slice(start, quoteStart));
  if (!phrase) return null;
  const end = start + phrase.index;
  const between = text.slice(end + 1, quoteStart).match(/\p{L}[\p{L}'’-]*/gu)?.length ?? 0;
  return between >= 4 && text.slice(start, end).split(/\s+/).length >= 4 ? { start, end } : null;
}

const MALE =
  /^(he|him|his|himself|mr|sir|lord|king|prince|spokesman|chairman|congressman|father|son|brother|husband)$/i;
const FEMALE =
  /^(she|her|hers|herself|mrs|ms|miss|lady|dame|queen|princess|spokeswoman|chairwoman|congresswoman|mother|daughter|sister|wife)$/i;

/**
 * A person's grammatical gender as the article shows it: gendered titles and roles, and the first
 * personal pronoun after each mention in its sentence ("Warren said she…"). Null when the evidence is
 * absent or split, so that nothing is excluded on a guess.
 */
const genders = new WeakMap<Entity, 'm' | 'f' | null>();
function genderOf(article: Article, person: Entity): 'm' | 'f' | null {
  if (genders.has(person)) return genders.get(person)!;
  const gender = weighGender(article, person);
  genders.set(person, gender);
  return gender;
}

function weighGender(article: Article, person: Entity): 'm' | 'f' | null {
  let votes = 0;
  for (const role of person.roles ?? [])
    for (const word of role.split(/\s+/))
      votes += MALE.test(word.replace(/\.$/, '')) ? 1 : FEMALE.test(word.replace(/\.$/, '')) ? -1 : 0;
  for (const m of person.mentions) {
    const before = /(\w+)\.?\s+$/.exec(article.text.slice(Math.max(0, m.start - 12), m.start))?.[1];
    if (before) votes += MALE.test(before) ? 2 : FEMALE.test(before) ? -2 : 0;
    const sentence = article.annotations.sentences.find((s) => s.start <= m.start && m.end <= s.end);
    if (!sentence) continue;
    const pronoun = /\b(he|him|his|she|her|hers)\b/i.exec(article.text.slice(m.end, sentence.end))?.[1];
    if (pronoun) votes += MALE.test(pronoun) ? 1 : -1;
  }
  return votes > 0 ? 'm' : votes < 0 ? 'f' : null;
}

/** Does one of the entity's mentions overlap the span? */
function mentioned(e: Entity, span: Span): boolean {
  for (const m of e.mentions) if (m.start < span.end && span.start < m.end) return true;
  return false;
}

function firstMentioned(entities: readonly Entity[], span: Span): Entity | undefined {
  for (const e of entities) if (mentioned(e, span)) return e;
  return undefined;
}

/** The person a speaker span stands for: a mention inside it, else the latest person named before it. */
function resolveSpeaker(
  article: Article,
  people: readonly Entity[],
  orgs: readonly Entity[],
  speaker: Span | null,
  at: number,
): string | null {
  if (speaker) {
    const named = firstMentioned(people, speaker) ?? firstMentioned(orgs, speaker);
    if (named) return named.id;
    const words = article.text.slice(speaker.start, speaker.end);
    if (/^[A-Z]/.test(words) && !/^(He|She|They|We|I|The|A|An)\b/.test(words)) return null;
    if (/^(they|we|the [a-z]*\s*(officials|police|authorities|organisers|organizers))\b/i.test(words))
      return null;
  }
  // "She said" goes to the latest person who can be "she": a man named in between does not take it.
  const pronoun = speaker ? article.text.slice(speaker.start, speaker.end).toLowerCase() : '';
  const wanted = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null;
  const limit = speaker?.start ?? at;
  let best: { id: string; pos: number } | null = null;
  for (const e of people) {
    if (wanted && genderOf(article, e) === (wanted === 'm' ? 'f' : 'm')) continue;
    for (const m of e.mentions)
      if (m.end <= limit && (!best || m.start > best.pos)) best = { id: e.id, pos: m.start };
  }
  return best?.id ?? null;
}

export function findQuotes(article: Article): Quote[] {
  const found: Found[] = [];
  for (const content of directQuotes(article)) {
    const { speaker, cue } = attributeDirect(article, content);
    found.push({ content, direct: true, speaker, cue });
  }
  for (const f of indirectQuotes(article, found)) found.push(f);
  found.sort(byStart);
  const people: Entity[] = [];
  const orgs: Entity[] = [];
  for (const e of article.annotations.entities) (e.type === 'person' ? people : orgs).push(e);
  const entities: (string | null)[] = [];
  for (const f of found) entities.push(resolveSpeaker(article, people, orgs, f.speaker, f.content.start));
  // '"…," Brandt said. "But today …"': an unattributed quote continuing the previous one in the same
  // paragraph has the same speaker.
  for (let i = 1; i < found.length; i++) {
    const f = found[i]!;
    const prev = found[i - 1]!;
    if (
      f.direct &&
      !f.speaker &&
      prev.direct &&
      paragraphAt(article, f.content.start) === paragraphAt(article, prev.content.start)
    )
      entities[i] = entities[i - 1]!;
  }
  const out: Quote[] = [];
  // Indices of quotes already joined to an earlier one as a further part.
  const joined = new Set<number>();
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (f.content.end <= f.content.start || joined.has(i)) continue;
    const speakerEntity = entities[i]!;
    const parts = f.parts ? [...f.parts] : [f.content];
    // '"…," said Ruiz, speaking of the port. "But …"': reported speech inside the attribution sentence
    // stays a quote of its own and does not keep the quote after it from joining.
    for (let k = i + 1; k < found.length; k++) {
      const next = found[k]!;
      if (f.direct && !next.direct && f.cue && insideSentenceOf(article, next, f.cue)) continue;
      if (
        !continuesAfterAttribution(article, f, next) &&
        !coordinatedQuote(article.text, parts.at(-1)!, f, next)
      )
        break;
      parts.push(next.content);
      joined.add(k);
    }
    out.push({
      content: parts.length > 1 ? { start: f.content.start, end: parts.at(-1)!.end } : f.content,
      ...(parts.length > 1 ? { parts } : {}),
      speaker: f.speaker,
      speakerEntity,
      cue: f.cue,
      direct: f.direct,
    });
  }
  return mergeSharedCues(article, out);
}

/**
 * 'called him a "liar" who is "amoral"', 'said he won "every debate" and there is "a lot going on"': the
 * quoted pieces one cue introduces in its sentence are one attribution (PolNeAR gives each cue word a
 * single attribution), so direct quotes sharing a cue are joined as parts of the first. Reported speech
 * stays apart from a quote that shares its cue, as the cue is more often misread there.
 */
function mergeSharedCues(article: Article, quotes: Quote[]): Quote[] {
  const byCue = new Map<number, Quote>();
  const out: Quote[] = [];
  for (const q of quotes) {
    const first = q.cue ? byCue.get(q.cue.start) : undefined;
    if (
      !first ||
      first.cue!.end !== q.cue!.end ||
      first.direct !== q.direct ||
      !inCueSentence(article, first) ||
      !inCueSentence(article, q)
    ) {
      if (q.cue) byCue.set(q.cue.start, q);
      out.push(q);
      continue;
    }
    const parts = [...quoteParts(first), ...quoteParts(q)].sort((a, b) => a.start - b.start);
    first.parts = parts;
    first.content = { start: parts[0]!.start, end: Math.max(...parts.map((p) => p.end)) };
  }
  return out;
}
/** Does the quote start in the sentence of its cue? */
function inCueSentence(article: Article, q: Quote): boolean {
  const sentence = sentenceAt(article, q.cue!.start);
  return !!sentence && sentence.start <= q.content.start && q.content.start < sentence.end;
}

const REOPENS = /^\s*(?:["“«„‘]|'')\s*$/;
// '," she said, "…', '," she said, but "…', '," he said, and still "…"'.
const REOPENS_AFTER_COMMA = /(?:[,:]|,\s+(?:and|but)(?:\s+[a-z]+)?)\s*(?:["“«„‘]|'')\s*$/;

/**
 * '"We will talk," she said. "But not today."' and '"We will talk," she said, "but not today."': one
 * statement split by its attribution, which PolNeAR and readers take as one quote. `next` continues
 * `first` when the attribution after `first` is all that lies between them: in one paragraph, `next`
 * reopens right after the attribution's sentence or its comma, and has no attribution of its own (or
 * the same one, read from the sentence before it). A quote with its own "he added" stays apart.
 */
function continuesAfterAttribution(article: Article, first: Found, next: Found): boolean {
  const { speaker, cue } = first;
  if (!first.direct || !next.direct || !speaker || !cue) return false;
  if (cue.start < first.content.end || speaker.start < first.content.end) return false;
  const attributionEnd = Math.max(cue.end, speaker.end);
  if (next.content.start < attributionEnd) return false;
  if (next.speaker && (next.speaker.start !== speaker.start || next.cue?.start !== cue.start)) return false;
  if (paragraphAt(article, first.content.start) !== paragraphAt(article, next.content.start)) return false;
  const sentence = sentenceAt(article, cue.start);
  if (!sentence) return false;
  const text = article.text;
  if (next.content.start > sentence.end) return REOPENS.test(text.slice(sentence.end, next.content.start));
  // '"…," Ruiz said, adding later, "…"': a second verb in the sentence makes the second quote its own.
  const gap = text.slice(attributionEnd, next.content.start);
  return REOPENS_AFTER_COMMA.test(gap) && !reportingVerbIn(gap);
}

// '“fair fares” and “safe boats”', '“a disgrace,” and “a scandal”'.
const AND_BETWEEN_QUOTES = /^(?:["”’]|'')?\s*,?\s*(?:and|or)\s*(?:["“‘]|'')$/;

/**
 * Quoted phrases joined by "and" or "or" are the objects of one verb, so one attribution: the second
 * piece continues the first unless it has an attribution of its own.
 */
function coordinatedQuote(text: string, last: Span, first: Found, next: Found): boolean {
  if (!first.direct || !next.direct) return false;
  if (next.speaker && (next.cue?.start !== first.cue?.start || !first.cue)) return false;
  return AND_BETWEEN_QUOTES.test(text.slice(last.end, next.content.start));
}

/** Does `q` lie inside the sentence holding `cue`? */
function insideSentenceOf(article: Article, q: Found, cue: Span): boolean {
  const sentence = sentenceAt(article, cue.start);
  return !!sentence && sentence.start <= q.content.start && q.content.end <= sentence.end;
}

function reportingVerbIn(words: string): boolean {
  for (const m of words.matchAll(/[a-z]+/g)) if (CUE_VERBS.has(m[0])) return true;
  return false;
}

function byStart(a: Found, b: Found): number {
  return a.content.start - b.content.start;
}
