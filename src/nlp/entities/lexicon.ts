/** Word lists that type and trim name candidates. General English, not mined from any data set. */

export const TITLES = new Set(
  (
    'mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister ministers deputy foreign interior defence defense finance ' +
    'secretary chancellor premier king queen prince princess pope cardinal bishop archbishop rev reverend father sister imam rabbi sheikh ' +
    'senator sen rep representative congressman congresswoman governor gov mayor councillor councilor alderman judge justice chief ' +
    'general gen colonel col major maj captain capt lieutenant lt sergeant sgt admiral commander officer detective inspector constable ' +
    'ambassador envoy spokesman spokeswoman spokesperson director chairman chairwoman chair ceo coach manager striker midfielder defender goalkeeper ' +
    'coroner sheriff superintendent commissioner president-elect leader speaker attorney prosecutor special former acting interim state'
  ).split(' '),
);

export const ORG_WORDS = new Set(
  (
    'agency ministry party union unions university college school council committee company corp corporation inc ltd llc plc group bank banks ' +
    'association federation organization organisation nations institute foundation securities energy news times post radio press court parliament ' +
    'assembly army navy police service office department commission authority board fund club fc league airlines airways motors holdings partners ' +
    'capital exchange reserve church hospital network channel television tv broadcasting gazette herald tribune journal observer review courier wire ' +
    'ledger daily weekly magazine agency alliance coalition movement front congress senate cabinet government administration brigade forces force ' +
    'council bureau trust society center centre institute laboratories labs industries systems technologies media records studios inc. ' +
    // Company forms across languages: "Pirelli SpA", "Ruch SA", "LM Ericsson AB", "Siemens AG".
    'co sons brothers associates sa s.a spa s.p.a ag a.g nv n.v bv gmbh ab asa oy oyj llc lp kk bhd tbk pty pte sae sarl srl cos bancorp bancshares'
  ).split(' '),
);

export const ORG_PREFIXES =
  /^(Ministry|Department|University|Bank|Office|Board|Council|Court|Institute|Federation|Union|Commission|Committee|Party|League|Association|House|Senate|Church) of\b/;

export const NOT_NAMES = new Set(
  (
    'the a an in on at to for from by of and or but if when while after before as with without about this that these those it its he she they we i you ' +
    'his her their our my your there here what which who whom whose where why how not no yes all any some many much more most other such only also ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow tonight officials police analysts residents photo image video ' +
    'read share tweet email advertisement related oops update updated breaking exclusive opinion editorial analysis live watch listen'
  ).split(' '),
);

export const PERSON_CUE_AFTER =
  /^\s*(?:,\s*(?:\d+|who|a|an|the)\b|\s+(?:said|says|told|added|noted|warned|argued|insisted|wrote|explained|asked|replied|announced|claimed|denied|admitted|stressed|urged|called|described)\b)/;
export const PLACE_CUE_BEFORE = /\b(?:in|at|from|near|to|across|outside|inside|into|towards?|via)\s+$/;
export const DESCRIPTIONS =
  /\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+((?:[a-z]+\s+){0,2}(?:minister|president|chancellor|premier|envoy|diplomat|ambassador|mayor|governor|senator|spokesman|spokeswoman|spokesperson|chief|official|leader|secretary|general|judge|commander))\b/g;

/** Last words that make a name a place: "Kestrel Republic", "Lerin Valley", "Red Sea". */
export const PLACE_WORDS = new Set(
  'republic kingdom state states emirates island islands valley river province region county city town village district bay gulf sea ocean lake coast mountains mountain hills peninsula strait desert square street avenue airport port harbour harbor road park bridge stadium wells prison ground gardens house palace'.split(
    ' ',
  ),
);

export const NOT_NAMES_EXTRA =
  'nobody everyone everybody someone somebody anyone anybody none nothing something everything'.split(' ');

/** Company-form abbreviations whose final dot is part of the name: "First Albany Corp.". */
export const COMPANY_ABBREVIATIONS = /\b(?:Corp|Inc|Co|Ltd|Bros|Cos|Plc|Intl)\.$/;

/** Sports results name teams, which are organisations: "Essex beat Kent", "Ulsan 2 Pohang 1". */
export const TEAM_CUE_AFTER =
  /^\s+(?:beat|beats|defeated|drew|v\.?|vs\.?|\d+(?:\s*-\s*\d+)?(?![-\d./:])\s*(?:,|;|\(|points?\b|pts\b|$|[A-Z]))/;
export const TEAM_CUE_BEFORE =
  /\b(?:beat|beats|defeated|drew with|lost to|against|v\.?|vs\.?|versus|(?:coach|manager|captain|striker|midfielder|defender|goalkeeper|player)s? (?:of|for)|signed for|playing for|club|side)\s+$/i;

/** News agencies and single-word institutions that name organisations without any organisation word. */
export const KNOWN_ORGS = new Set(
  (
    'reuters ap afp upi xinhua interfax itar-tass tass tanjug bernama kyodo yonhap anatolia ansa efe dpa pap ria ctk mti bta hina ' +
    'irna kuna wafa sapa antara pti apa ritzau bloomberg ' +
    'treasury fed pentagon interpol nato opec imf wto fifa uefa ioc nasa fbi cia osce asean gatt unesco unicef unhcr eu ec ' +
    'u.n. un nyse nasdaq labour'
  ).split(' '),
);

/** Places the country and city packages lack: nations within states, former states, continents and regions. */
export const EXTRA_PLACES = (
  'britain|great britain|england|scotland|wales|northern ireland|ulster|yugoslavia|soviet union|ussr|czechoslovakia|' +
  'east germany|west germany|europe|asia|africa|north america|south america|latin america|central america|antarctica|' +
  'oceania|middle east|far east|near east|balkans|caucasus|gulf|persian gulf|west bank|gaza|gaza strip|midwest|' +
  'scandinavia|siberia|kashmir|kurdistan|tibet|chechnya|crimea|bosnia|kosovo|hong kong|taiwan|macau|palestine|' +
  'mediterranean|atlantic|pacific|baltic|baltics|sahara|himalayas|alps|amazon|new england|south east asia|southeast asia'
).split('|');

/** US state and Canadian province abbreviations as datelines write them ("Dearborn, Mich."). */
export const STATE_ABBREVIATIONS = new Set(
  (
    'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nebr nev n.h. n.j. ' +
    'n.m. n.y. n.c. n.d. okla ore pa penn r.i. s.c. s.d. tenn tex va vt wash wis wisc w.va. wyo d.c. ont que alta sask'
  ).split(' '),
);

/** Last words that make a name an event, a law, a product or a prize: CoNLL's MISC, not PER/ORG/LOC. */
export const MISC_HEADS = new Set(
  (
    'cup open games olympics olympiad championship championships trophy prix tournament classic masters series war ' +
    'day award awards prize festival index bowl derby rally marathon grand slam act treaty accord accords agreement ' +
    'plan doctrine declaration era age revolution tour'
  ).split(' '),
);

/** Religions, peoples and languages: named, but neither people, organisations nor places. */
export const MISC_WORDS = new Set(
  (
    'olympic olympics moslem moslems muslim muslims islam islamic christian christians christianity catholic catholics ' +
    'protestant protestants jewish jew jews judaism arab arabs arabic hindu hindus sikh sikhs buddhist buddhists ' +
    "sunni sunnis shiite shiites shi'ite shi'ites kurd kurds kurdish western eastern latin english hebrew celtic " +
    'internet aids gmt edt est bst cet briton britons serb serbs croat croats chechen chechens afrikaner afrikaners ' +
    'tamil tamils hutu hutus tutsi tutsis pashtun pashtuns scot scots'
  ).split(' '),
);

/** Words that make a name a sports club: "Norwich City", "Dynamo Kiev", "Real Madrid", "Inverness Thistle". */
export const TEAM_SUFFIXES = new Set(
  (
    'fc afc cf sc ac united city rovers wanderers athletic albion hotspur rangers thistle academical harriers orient ' +
    'argyle palace athletico utd'
  ).split(' '),
);
export const TEAM_PREFIXES = new Set(
  (
    'fc ac as sc sv vfb vfl tsv fk nk sk cd cf ud sd rc real atletico athletic dynamo dinamo spartak lokomotiv torpedo ' +
    'sporting olympique racing inter borussia eintracht fortuna rapid'
  ).split(' '),
);

/** Scorecards name players: "c Healy b Fleming", "lbw b Wasim", "st Moyo b Strang". */
export const PERSON_CUE_BEFORE = /(?:^|[\s(])(?:c|b|st|lbw b|c and b|c &|run out \()\s+$/;
