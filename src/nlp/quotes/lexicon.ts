/**
 * Word lists for attribution: reporting verbs with every inflected form, the particles some of them need
 * ("point out", "call for"), reporting nouns ("claim that"), and the small words that sit between a
 * speaker and its verb ("has also repeatedly said").
 */

export interface CueVerb {
  lemma: string;
  /** Particles that must follow the verb ("point" is a cue only as "point out" or "point to"). */
  needs?: string[];
  /** Particles that may follow and are part of the cue ("call for", "warn against"). */
  takes?: string[];
  /**
   * A particle that must follow the verb's object within a few words: "painted him as a liar", "linked
   * the leak to Russia". The content is the object and what follows.
   */
  later?: string[];
  /** An adjective after "be" ("was sure that", "is determined to"), not a verb. */
  adjective?: boolean;
  /** A participle that is also such an adjective: "convinced the board" and "was convinced that". */
  alsoAdjective?: boolean;
  /** The verb takes an addressee before its content ("told reporters that …"). */
  addressee?: boolean;
  /** The group of meaning the verb is listed in ("saying", "deciding", …). */
  group?: string;
}

// Verbs of saying, writing and showing; of thinking, wanting and judging; and of taking a position. Grouped
// by meaning; each lemma is inflected below. `lemma:particle,particle` lists particles that may follow,
// `lemma!particle` ones that must, `lemma~particle` ones that must follow its object.
const GROUPS = {
  saying:
    'say add note state explain declare announce claim argue insist assert contend maintain reply:with,by respond:to,with,by answer retort remark:on,upon comment:on mention observe acknowledge admit concede confirm deny reveal disclose report write tweet testify tout boast:about,of brag:about joke:about quip recall recount describe reiterate repeat echo stress emphasize emphasise underscore highlight reaffirm affirm allege complain:about,of lament protest pledge promise vow swear threaten predict forecast estimate project suggest propose recommend advise caution warn:against,of,about counter concur agree:with,that disagree:with speculate hint imply insinuate muse wonder quote cite reference:to detail outline preach proclaim pronounce specify volunteer conclude figure theorize guess chime:in chirp posit clarify correct articulate propound retweet chronicle invoke yell shout scream whisper exclaim bellow murmur grumble rant opine pontificate editorialize elaborate:on expound:on allude:to attest:to avow confess confide divulge profess stipulate inquire:about convey summarize moralize:about trumpet',
  showing: 'find show indicate demonstrate illustrate document signal publish release reveal',
  addressing:
    'tell ask:about,for urge remind assure inform notify instruct order beg implore press challenge invite encourage convince persuade dissuade discourage coax cajole',
  thinking:
    'believe:in think feel know expect hope fear worry:about,that doubt suspect reckon realize realise understand consider regard anticipate acknowledge recognize recognise accept imagine judge learn:of,about discover hear examine investigate probe',
  // Verbs of feeling about something: "she resents the comparison".
  feeling: 'love hate despise dislike resent respect admire appreciate regret deplore',
  wanting:
    'want wish plan intend seek demand request prefer favor favour support oppose back:off,away endorse reject dismiss decline!to refuse!to welcome hail praise applaud celebrate thank commend congratulate condemn criticize criticise slam blast attack accuse blame charge fault denounce decry deride mock ridicule question dispute challenge defend justify apologize apologise call:for,on,out endorse champion advocate:for embrace ignore laud extol herald compliment chastise lambaste assail excoriate chide scold rebuke berate castigate lampoon taunt bash skewer grill hammer contradict downplay bemoan bewail admonish censure debunk demur denigrate disavow discredit disparage dissent harangue jeer malign rebuff rebut recant refute remonstrate reprimand reproach repudiate retract scoff:at sneer:at vilify trivialize exaggerate overstate understate misrepresent distort shun spurn belittle demean rationalize espouse gloat entreat exhort plead:for clamor:for lobby:for,against',
  // Verbs of discussing and of deciding: positions taken in a debate, a vote or a ruling.
  discussing: 'discuss debate talk!about express voice acknowledge tout promote spar:with,over quarrel:with',
  deciding:
    'decide vote!for,against,to rule!that,on,against,in approve veto block sign!into impose lift unveil offer',
  // Verbs of casting someone or something in a light: "portrayed him as …", "linked the leak to …".
  casting:
    'portray~as depict~as characterize~as characterise~as paint~as cast~as brand~as label~as see~as view~as frame~as link~to tie~to compare~to,with liken~to rate~as treat~as dub',
  phrasal:
    'point!out,to speak!of,about,out push!for,back weigh!in lay!out spell!out sound!off come!out single!out rail!against lash!out vouch!for take!issue make!clear',
} as const;

const IRREGULAR: Record<string, string[]> = {
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  think: ['thinks', 'thought', 'thinking'],
  feel: ['feels', 'felt', 'feeling'],
  know: ['knows', 'knew', 'known', 'knowing'],
  find: ['finds', 'found', 'finding'],
  show: ['shows', 'showed', 'shown', 'showing'],
  see: ['sees', 'saw', 'seen', 'seeing'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  swear: ['swears', 'swore', 'sworn', 'swearing'],
  forecast: ['forecasts', 'forecasted', 'forecasting'],
  lay: ['lays', 'laid', 'laying'],
  understand: ['understands', 'understood', 'understanding'],
  seek: ['seeks', 'sought', 'seeking'],
  go: ['goes', 'went', 'gone', 'going'],
  come: ['comes', 'came', 'coming'],
  take: ['takes', 'took', 'taken', 'taking'],
  make: ['makes', 'made', 'making'],
  spell: ['spells', 'spelled', 'spelt', 'spelling'],
  sound: ['sounds', 'sounded', 'sounding'],
  lash: ['lashes', 'lashed', 'lashing'],
  rail: ['rails', 'railed', 'railing'],
  mean: ['means', 'meant', 'meaning'],
  hear: ['hears', 'heard', 'hearing'],
};

// Verbs that double their last consonant: "admitted", "referring", "quipped".
const DOUBLING = new Set(
  'admit commit regret prefer refer concur plan quip chat transmit brag beg slam rebut spar shun demur dub'.split(
    ' ',
  ),
);

function inflect(lemma: string): string[] {
  if (IRREGULAR[lemma]) return [lemma, ...IRREGULAR[lemma]!];
  const last = lemma.slice(-1);
  if (DOUBLING.has(lemma)) return [lemma, `${lemma}s`, `${lemma}${last}ed`, `${lemma}${last}ing`];
  if (/[^aeiou]y$/.test(lemma)) {
    const stem = lemma.slice(0, -1);
    return [lemma, `${stem}ies`, `${stem}ied`, `${lemma}ing`];
  }
  if (lemma.endsWith('e')) {
    const stem = lemma.slice(0, -1);
    return [lemma, `${lemma}s`, `${lemma}d`, /ee$/.test(lemma) ? `${lemma}ing` : `${stem}ing`];
  }
  const s = /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  return [lemma, s, `${lemma}ed`, `${lemma}ing`];
}

const ADDRESSING = new Set<string>(GROUPS.addressing.split(/\s+/).map((item) => item.replace(/[:!~].*/, '')));
ADDRESSING.add('warn');
ADDRESSING.add('assure');

/** Every inflected form of a reporting verb, to its entry. */
export const CUE_VERBS = new Map<string, CueVerb>();
for (const [group, items] of Object.entries(GROUPS))
  for (const item of items.split(/\s+/)) {
    const m = /^([a-z]+)(?:([:!~])([a-z,]+))?$/.exec(item);
    if (!m) continue;
    const lemma = m[1]!;
    const particles = m[3]?.split(',');
    const entry: CueVerb = {
      lemma,
      ...(m[2] === '!'
        ? { needs: particles }
        : m[2] === ':'
          ? { takes: particles }
          : m[2] === '~'
            ? { later: particles }
            : {}),
      ...(ADDRESSING.has(lemma) ? { addressee: true } : {}),
      group,
    };
    for (const form of inflect(lemma)) if (!CUE_VERBS.has(form)) CUE_VERBS.set(form, entry);
  }

/**
 * Adjectives of certainty, resolve and attitude after "be": "she was sure (that) …", "he is determined to …",
 * "he has been critical of …", "they were angry that …". `adjective:particle` lists the prepositions that
 * may follow and belong to the cue.
 */
const ADJECTIVES =
  'sure certain confident convinced adamant aware determined willing hopeful optimistic:about skeptical:of,about sceptical:of,about eager reluctant unsure critical:of supportive:of wary:of fearful:of afraid:of concerned:about angry:at,about,with upset:about,with furious:at,about,with incensed:by,at,about outraged:by,at,about frustrated:by,with,about pleased:with,by,about disappointed:in,by,with dismissive:of proud:of enthusiastic:about passionate:about bullish:on bearish:on pessimistic:about doubtful:about,of vague:about coy:about vocal:about adamant:about worried:about,that';
for (const item of ADJECTIVES.split(' ')) {
  const [lemma, particles] = item.split(':') as [string, string | undefined];
  const verb = CUE_VERBS.get(lemma);
  const takes = particles ? { takes: particles.split(',') } : {};
  CUE_VERBS.set(lemma, verb ? { ...verb, alsoAdjective: true } : { lemma, adjective: true, ...takes });
}

/**
 * Forms that are far more often nouns or adjectives than reporting verbs and need a clear subject right
 * before them (a name, a pronoun, a share): "the plans", "a report", "the United States", "a fear".
 */
export const NOUNLIKE = new Set(
  'report reports claim claims calls call plans plan states state fear fears hope hopes support release releases question questions answer answers comment comments estimate estimates charge charges notes note record order orders thought feeling finding findings showing meaning accepted known seen figure figures document documents project projects request requests demand demands echo echoes quote quotes challenge challenges press guess reference concern attack attacks blast slam protest protests promise promises doubt doubts back backs detail details outline signal signals favor favour order correct release expected planned debate debates judge judges respect regret regrets love hate champion champions advocate advocates ruling rulings hearing hearings understanding briefing'.split(
    ' ',
  ),
);

/** Words between a speaker and its verb: auxiliaries, negation, adverbs of time and manner. */
export const BETWEEN = new Set(
  "is are was were be been being am has have had having will would shall should can could may might must do does did not n't never also still even just then later now once again already long first initially previously repeatedly recently reportedly publicly privately further often frequently consistently openly flatly quickly immediately subsequently separately similarly likewise too herself himself themselves itself generally widely all both each alone yet since ever perhaps maybe almost".split(
    ' ',
  ),
);

/** Lowercase words that end in -ly and are nouns, not adverbs. */
export const LY_NOUNS = new Set(
  'family ally rally assembly supply anomaly reply belly bully jelly folly july italy monopoly'.split(' '),
);

/** Subjects that are pronouns. */
export const PRONOUNS = new Set('he she they we i it you who which'.split(' '));

/** Quantifiers that stand alone as subjects: "many say", "most agreed", "others argued". */
export const QUANTIFIERS = new Set(
  'many most some others few both all several none majority minority plurality half third quarter percent'.split(
    ' ',
  ),
);

/** Words that end a subject on its left: clause openers, prepositions, conjunctions. */
export const SUBJECT_STOP = new Set(
  'and but or nor that because while when whereas if as although though since after before so than where whether until unless once to for from with without into onto upon in on at by about against between among over under through during despite like near toward towards amid is are was were be been has have had will would can could may might should must do does did said says say told also not'.split(
    ' ',
  ),
);

/** Words that cannot head a subject: determiners, possessives, object pronouns, prepositions. */
export const NOT_HEAD = new Set(
  'a an the this that these those his her its their our my your him them us me whom whose of to for from with without in on at by about as than and but or nor so if when while because although though since after before until unless there here what how why where whether not no yes very more less much such same own other another any every each either neither one two three four five six seven eight nine ten new old last next former latter first second third recent'.split(
    ' ',
  ),
);

/** Nouns that report what someone said or thinks: "the minister's claim that …", "her call for …". */
export const CUE_NOUNS = new Set(
  'claim claims assertion assertions argument arguments statement statements warning warnings promise promises pledge pledges suggestion suggestions allegation allegations accusation accusations belief beliefs view views insistence contention criticism criticisms call calls demand demands proposal proposals comment comments remark remarks announcement announcements admission acknowledgment acknowledgement assurance assurances prediction predictions denial denials charge charges complaint complaints concern concerns fear fears hope hopes vow vows threat threats insinuation suspicion suspicions conclusion conclusions finding findings estimate estimates emphasis eagerness refusal decision opposition support praise'.split(
    ' ',
  ),
);

/** Words that open a clause right after a cue and may be skipped before the content. */
export const CONTENT_OPENERS = new Set(['that', ':', ',']);

/** Addressees after "told", "asked", "warned": "reporters", "the council", "CNN". */
export const ADDRESSEES = new Set(
  'reporters journalists listeners viewers supporters voters him her them us me you everyone lawmakers senators members students donors attendees audiences audience crowd crowds'.split(
    ' ',
  ),
);

/** Lowercase heads strong enough to carry a cue that is often a noun ("the campaign plans"). */
export const AGENTS = new Set(
  'officials official spokesman spokeswoman spokesperson spokespeople aides aide advisers adviser advisors advisor experts expert analysts analyst economists economist critics critic supporters opponents voters respondents residents sources source campaign administration government ministry department agency police prosecutors investigators authorities lawmakers senators democrats republicans leaders leader poll polls survey surveys report reports study studies data figures documents records analysis researchers scientists scholars observers organizers organisers protesters activists officers lawyers attorneys judge court committee panel board council commission group groups company companies party statement memo letter filing lawsuit ad ads video article editorial newspaper paper network site website people americans candidates candidate nominee president governor senator congressman congresswoman mayor minister secretary chairman chairwoman director chief executive author authors writer reporter host anchor doctors nurses workers parents students teachers members others many most some few all both everyone nobody someone'.split(
    ' ',
  ),
);
