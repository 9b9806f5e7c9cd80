/**
 * Who said what. Direct quotes are found from quotation marks (straight, curly, guillemets, low-9; a
 * paragraph that opens a quote without closing it continues into the next), indirect ones from
 * reporting verbs ("X said (that) …", "…, X said.", "according to X, …"). Each gets its cue, content and
 * speaker span, and the speaker is resolved to a person entity: a name directly, a pronoun or a
 * description ("the minister") to the most recent person before it, and a bare quote to the person the
 * preceding sentence names.
 */
import type { Article, Entity, Quote, Span } from '../model/index.ts';

const CUES =
  'said|says|say|called|calls|described|describes|found|finds|reported|reports|believes|believed|thinks|thought|expects|expected|hopes|hoped|wants|wanted|alleged|alleges|revealed|reveals|indicated|indicates|estimated|estimates|showed|shows|shown|concluded|concludes|argue|claim|insist|warn|disputed|disputes|questioned|questions|pointed out|points out|made clear|has learned|told|tells|added|adds|noted|notes|warned|warns|argued|argues|claimed|claims|insisted|insists|denied|denies|accused|accuses|acknowledged|acknowledges|announced|announces|wrote|writes|stated|states|explained|explains|declared|declares|asked|asks|replied|replies|stressed|stresses|urged|urges|admitted|admits|suggested|suggests|predicted|predicts|confirmed|confirms|promised|promises|vowed|vows|complained|complains|recalled|recalls|observed|observes|cautioned|cautions|emphasized|emphasised|maintained|maintains|contended|contends|told reporters|told journalists|said in a statement';
const CUE_WORD = new RegExp(`\\b(${CUES})\\b`, 'i');
const TITLE =
  '(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|President|Prime Minister|Minister|Chancellor|Secretary|Mayor|Judge|Chief|Councillor|Councilor|Senator|Governor|Ambassador|Envoy|Director|Commissioner)\\.?';
const NAME = `(?:${TITLE}\\s+)?(?:[A-Z][\\p{L}'’.-]+\\s+){0,4}[A-Z][\\p{L}'’-]+`;
const DESCRIPTION =
  "(?:the|a|an|one|another|two|three|several|some)\\s+(?:[a-z][\\p{L}'’-]+\\s+){0,4}(?:minister|official|officials|spokesman|spokeswoman|spokesperson|diplomat|leader|chief|president|analyst|analysts|expert|experts|witness|witnesses|resident|residents|source|sources|police|officer|officers|lawyer|adviser|advisor|aide|envoy|mayor|councillor|ministry|government|agency|company|group|union|statement|report|organisers|organizers|critics|observers|protesters|senator|governor|secretary|director|spokesmen|authorities|prosecutors|doctors|investigators|campaign|poll|polls|survey|surveys|study|studies|documents|records|data|figures|voters|respondents|people|supporters|administration|department|office|committee|party|council|court|commission|board|newspaper|network|website|memo|letter|filing|indictment|lawsuit|ruling|judge|jury|researchers|scientists|economists|strategists|aides|advisers|allies|spokespeople)";
const PRONOUN = '(?:he|she|they|He|She|They|we|We|I)';
// Shares of a poll speak too: "73 percent said the same", "Twelve percent indicated that they were not sure".
const SHARE = '(?:\\d+|[A-Z][a-z]+(?:-[a-z]+)?) percent(?: of (?:[a-z]+ ){0,2}[a-z]+)?';
const SPEAKER = `(?<speaker>${NAME}|${DESCRIPTION}|${PRONOUN}|${SHARE}|[A-Z][a-z]+ (?:officials|police|authorities))`;

const OPEN = '"“«„‘';
const CLOSE_FOR: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', '‘': '’' };

interface Found {
  content: Span;
  direct: boolean;
  speaker: Span | null;
  cue: Span | null;
}

function paragraphAt(article: Article, pos: number): Span | undefined {
  return article.annotations.paragraphs.find((p) => p.start <= pos && pos < p.end);
}

/** Quotation-mark pairs; an unclosed quote opening a paragraph runs on into the next paragraph. */
function directQuotes(article: Article): Span[] {
  const text = article.text;
  const out: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (!OPEN.includes(ch) || (ch === '‘' && /\p{L}/u.test(text[i - 1] ?? ''))) {
      i++;
      continue;
    }
    // A straight quote after a letter is a closing one or an inch mark, not an opening.
    if (ch === '"' && /[\p{L}\p{N},.]/u.test(text[i - 1] ?? '')) {
      i++;
      continue;
    }
    const close = CLOSE_FOR[ch]!;
    let end = text.indexOf(close, i + 1);
    const para = paragraphAt(article, i);
    if (para && (end === -1 || end > para.end)) {
      // Multi-paragraph quote: the next paragraph re-opens it; the quote closes in a later paragraph.
      let p = para;
      let found = -1;
      for (let hops = 0; hops < 6; hops++) {
        const next = article.annotations.paragraphs.find((x) => x.start > p.end);
        if (!next || !OPEN.includes(text[next.start]!)) break;
        const inNext = text.indexOf(close, next.start + 1);
        if (inNext !== -1 && inNext < next.end) {
          found = inNext;
          break;
        }
        p = next;
      }
      end = found;
    }
    if (end === -1) {
      i++;
      continue;
    }
    let start = i + 1;
    let stop = end;
    while (start < stop && /\s/.test(text[start]!)) start++;
    while (stop > start && /[\s,]/.test(text[stop - 1]!)) stop--;
    const words = text.slice(start, stop).split(/\s+/).length;
    if (words >= 3 || (words >= 2 && CUE_WORD.test(text.slice(Math.max(0, i - 60), i))))
      out.push({ start, end: stop });
    i = end + 1;
  }
  return out;
}

function sentenceAt(article: Article, pos: number): Span | undefined {
  return article.annotations.sentences.find((s) => s.start <= pos && pos < s.end);
}

// A speaker may carry a party tag or an apposition before the verb: '," Rep. John Mica (R-Fla.) said',
// '," Flynn, a top Trump surrogate, said'.
const SPEAKER_EXTRAS = `(?:\\s*\\([^()\\n]{1,30}\\))?(?:,\\s+[^,"“”\\n]{2,80},)?`;
const AFTER_SPEAKER_CUE = new RegExp(
  `^["”»“’]?\\s*[,.!?]?["”»“’]?\\s*${SPEAKER}${SPEAKER_EXTRAS}\\s+(?:(?:also|then|later|has|had)\\s+)?(?<cue>${CUES})\\b`,
  'u',
);
// '” ― Martha Aguilar': a dash and a name after the quote, as collections of reactions print them.
const AFTER_DASH_SPEAKER = new RegExp(`^["”»“’]?\\s*(?<cue>[―—–])\\s*(?<speaker>${NAME})`, 'u');
const AFTER_CUE_SPEAKER = new RegExp(`^["”»“’]?\\s*[,.!?]?["”»“’]?\\s*(?<cue>${CUES})\\s+${SPEAKER}`, 'u');
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
  const after = text.slice(afterStart, Math.min(text.length, Math.max(sentence.end, content.end) + 120));
  for (const re of [AFTER_SPEAKER_CUE, AFTER_CUE_SPEAKER, AFTER_DASH_SPEAKER]) {
    const m = re.exec(after);
    if (m) return { speaker: offsetSpan(afterStart, m, 'speaker'), cue: offsetSpan(afterStart, m, 'cue') };
  }
  const beforeStart = Math.max(sentence.start, content.start - 200);
  const before = text.slice(beforeStart, Math.max(beforeStart, content.start - 1));
  const m = BEFORE_SPEAKER_CUE.exec(before);
  if (m) return { speaker: offsetSpan(beforeStart, m, 'speaker'), cue: offsetSpan(beforeStart, m, 'cue') };
  return { speaker: null, cue: null };
}

// What may follow a closing "…, he said": when and where ("on Monday in Geneva"), to whom, or nothing. A
// clause there ("73 percent said the ferry should keep running") is the content, not a trail.
const TRAIL_TAIL =
  "(?:\\s+(?:on|in|at|during|after|before|last|this|late|early|while|when|to|from|by|adding|reporters|journalists|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][\\p{L}'’-]*)\\b(?:\\s+[\\p{L}\\d,'’-]+){0,7}?)?";
const INDIRECT_TRAIL = new RegExp(
  `,\\s*(?:${SPEAKER}\\s+(?<cue>${CUES})|(?<cue2>${CUES})\\s+(?<speaker2>${NAME}|${DESCRIPTION}))${TRAIL_TAIL}[.!?]["”]?$`,
  'u',
);
const ACCORDING = new RegExp(
  `^(?<cue>[Aa]ccording to)\\s+(?<speaker>${NAME}|${DESCRIPTION}|the (?:[a-z]+ ){0,3}[a-z]+(?: [A-Z][a-z]+)*)\\s*,\\s*`,
  'u',
);

const CUE_ANY = new RegExp(`\\b(?<cue>${CUES})\\b`, 'gu');
// "…, according to the poll." closes the sentence it attributes.
const ACCORDING_TRAIL = new RegExp(
  `,?\\s+(?<cue>according to)\\s+(?<speaker>${NAME}|${DESCRIPTION}|the (?:[a-z]+ ){0,3}[a-z]+(?: [A-Z][a-z]+)*)(?:\\s+[\\p{L}\\d,'’-]+){0,6}?[.!?]["”]?$`,
  'u',
);
const SPEAKER_BEFORE = new RegExp(
  `${SPEAKER}\\s+(?:(?:also|then|later|has|had|have|previously|repeatedly|again|recently|publicly|privately|once|long|never|not|already|reportedly|would|will|could|may|might|did|does|do)\\s+){0,3}$`,
  'u',
);
// After the cue: an addressee (only for verbs that take one: "told reporters", "warned the council"), a
// time, a setting, "that".
const LEAD_REST = String.raw`(?:\s+(?:on|in|at|last|this|late|early)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|evening|afternoon|today|yesterday|earlier|later)\b)?(?:,?\s+(?:in|during|at|on)\s+(?:a|an|the)\s+[\p{L} -]{1,40}?,?)?(?:\s+that)?\s+`;
const CONTENT_LEAD = new RegExp(`^${LEAD_REST}`, 'u');
const CONTENT_LEAD_ADDRESSED = new RegExp(
  String.raw`^(?:\s+(?:reporters|journalists|listeners|the [a-z]+|[A-Z][a-z]+|him|her|them|us|me|CNN|NBC|ABC|Fox News))?` +
    LEAD_REST,
  'u',
);
const TAKES_ADDRESSEE = /^(?:told|tells|asked|asks|warned|warns|urged|urges|assured|informed|reminded)$/;

function indirectQuotes(article: Article, taken: Span[]): Found[] {
  const text = article.text;
  const out: Found[] = [];
  const overlapsTaken = (s: Span) => taken.some((t) => t.start < s.end && s.start < t.end);
  for (const sentence of article.annotations.sentences) {
    const body = text.slice(sentence.start, sentence.end);
    // A sentence carrying a direct quote is attributed through that quote, not read again as paraphrase.
    if (taken.some((t) => t.start < sentence.end && sentence.start < t.end)) continue;
    const endTrim = /[.!?]["”’]?$/.test(body) ? body.length - (/["”’]$/.test(body) ? 2 : 1) : body.length;
    const acc = ACCORDING.exec(body);
    if (acc) {
      const content = { start: sentence.start + acc[0].length, end: sentence.start + endTrim };
      if (!overlapsTaken(content) && content.end > content.start)
        out.push({
          content,
          direct: false,
          speaker: offsetSpan(sentence.start, acc, 'speaker'),
          cue: {
            start: sentence.start + acc.index,
            end: sentence.start + acc.index + acc.groups!.cue!.length,
          },
        });
      continue;
    }
    const accTrail = ACCORDING_TRAIL.exec(body);
    if (accTrail && accTrail.index > 15 && !/^["“«„]/.test(body)) {
      const content = { start: sentence.start, end: sentence.start + accTrail.index };
      if (!overlapsTaken(content)) {
        const speakerText = accTrail.groups!.speaker!;
        const sAt =
          sentence.start +
          accTrail.index +
          accTrail[0].indexOf(speakerText, accTrail[0].indexOf('according'));
        const cAt = sentence.start + accTrail.index + accTrail[0].indexOf('according');
        out.push({
          content,
          direct: false,
          speaker: { start: sAt, end: sAt + speakerText.length },
          cue: { start: cAt, end: cAt + 'according to'.length },
        });
        continue;
      }
    }
    const trail = INDIRECT_TRAIL.exec(body);
    if (trail && trail.index > 15 && !/^["“«„]/.test(body)) {
      const content = { start: sentence.start, end: sentence.start + trail.index };
      const speakerText = trail.groups!.speaker ?? trail.groups!.speaker2!;
      const cueText = trail.groups!.cue ?? trail.groups!.cue2!;
      const sAt = sentence.start + trail.index + trail[0].indexOf(speakerText);
      const cAt = sentence.start + trail.index + trail[0].indexOf(cueText);
      if (!overlapsTaken(content))
        out.push({
          content,
          direct: false,
          speaker: { start: sAt, end: sAt + speakerText.length },
          cue: { start: cAt, end: cAt + cueText.length },
        });
      continue;
    }
    // "X (has repeatedly) said (on Monday) (that) …": a cue with a speaker right before it.
    CUE_ANY.lastIndex = 0;
    for (let m = CUE_ANY.exec(body); m; m = CUE_ANY.exec(body)) {
      const left = body.slice(Math.max(0, m.index - 120), m.index);
      const sp = SPEAKER_BEFORE.exec(left);
      if (!sp) continue;
      const afterCue = body.slice(m.index + m[0].length);
      const lead = (TAKES_ADDRESSEE.test(m[0]) ? CONTENT_LEAD_ADDRESSED : CONTENT_LEAD).exec(afterCue);
      if (!lead) continue;
      const start = sentence.start + m.index + m[0].length + lead[0].length;
      const content = { start, end: sentence.start + endTrim };
      if (
        content.end - content.start < 12 ||
        overlapsTaken(content) ||
        /^["“«„]/.test(text.slice(start, start + 1))
      )
        continue;
      const leftStart = sentence.start + Math.max(0, m.index - 120);
      const speakerText = sp.groups!.speaker!;
      const sAt = leftStart + sp.index + sp[0].indexOf(speakerText);
      out.push({
        content,
        direct: false,
        speaker: { start: sAt, end: sAt + speakerText.length },
        cue: { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length },
      });
      break;
    }
  }
  return out;
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

/** The person a speaker span stands for: a mention inside it, else the latest person named before it. */
function resolveSpeaker(article: Article, speaker: Span | null, at: number): string | null {
  const people = article.annotations.entities.filter((e) => e.type === 'person');
  const orgs = article.annotations.entities.filter((e) => e.type !== 'person');
  const inside = (e: Entity) =>
    speaker && e.mentions.some((m) => m.start < speaker.end && speaker.start < m.end);
  if (speaker) {
    const named = people.find(inside) ?? orgs.find(inside);
    if (named) return named.id;
    const words = article.text.slice(speaker.start, speaker.end);
    if (/^[A-Z]/.test(words) && !/^(He|She|They|We|I|The|A|An)\b/.test(words)) return null;
    if (/^(they|we|the [a-z]*\s*(officials|police|authorities|organisers|organizers))\b/i.test(words))
      return null;
  }
  // "She said" goes to the latest person who can be "she": a man named in between does not take it.
  const pronoun = speaker ? article.text.slice(speaker.start, speaker.end).toLowerCase() : '';
  const wanted = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null;
  let best: { id: string; pos: number } | null = null;
  for (const e of people) {
    if (wanted && genderOf(article, e) === (wanted === 'm' ? 'f' : 'm')) continue;
    for (const m of e.mentions)
      if (m.end <= (speaker?.start ?? at) && (!best || m.start > best.pos)) best = { id: e.id, pos: m.start };
  }
  return best?.id ?? null;
}

export function findQuotes(article: Article): Quote[] {
  const found: Found[] = [];
  const direct = directQuotes(article);
  for (const content of direct) found.push({ content, direct: true, ...attributeDirect(article, content) });
  found.push(...indirectQuotes(article, direct));
  found.sort((a, b) => a.content.start - b.content.start);
  const resolved = found.map((f) => ({ ...f, entity: resolveSpeaker(article, f.speaker, f.content.start) }));
  // '"…," Brandt said. "But today …"': an unattributed quote continuing the previous one in the same
  // paragraph has the same speaker.
  for (let i = 1; i < resolved.length; i++) {
    const f = resolved[i]!;
    const prev = resolved[i - 1]!;
    if (
      f.direct &&
      !f.speaker &&
      prev.direct &&
      paragraphAt(article, f.content.start) === paragraphAt(article, prev.content.start)
    )
      f.entity = prev.entity;
  }
  return resolved
    .filter((f) => f.content.end > f.content.start)
    .map((f) => ({
      content: f.content,
      speaker: f.speaker,
      speakerEntity: f.entity,
      cue: f.cue,
      direct: f.direct,
    }));
}
