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
    'council bureau trust society center centre institute laboratories labs industries systems technologies media records studios inc.'
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
  'republic kingdom state states emirates island islands valley river province region county city town village district bay gulf sea ocean lake coast mountains mountain hills peninsula strait desert square street avenue airport port harbour harbor'.split(
    ' ',
  ),
);

export const NOT_NAMES_EXTRA =
  'nobody everyone everybody someone somebody anyone anybody none nothing something everything'.split(' ');

/** Company-form abbreviations whose final dot is part of the name: "First Albany Corp.". */
export const COMPANY_ABBREVIATIONS = /\b(?:Corp|Inc|Co|Ltd|Bros|Cos|Plc|Intl)\.$/;

/** Sports results name teams, which are organisations: "Essex beat Kent", "Ulsan 2 Pohang 1". */
export const TEAM_CUE_AFTER =
  /^\s+(?:beat|beats|defeated|drew|draw|lost|won|v\.?|vs\.?|\d+(?:-\d+)?\s*(?:,|\(|points?\b|pts\b|$))/;
export const TEAM_CUE_BEFORE = /\b(?:beat|beats|defeated|drew with|lost to|against|v\.?|vs\.?)\s+$/;
