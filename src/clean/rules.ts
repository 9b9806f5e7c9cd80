/**
 * Line rules for scraping junk. Each rule names the reason recorded in `removed`. Rules are strict
 * patterns over short lines: a line that reads like an article sentence never matches one, so cleaning
 * cannot eat the article.
 */

export interface LineVerdict {
  reason: string;
  /** Set when the line ends the article: everything after it is a related-links block or the like. */
  endsArticle?: boolean;
  byline?: string;
  caption?: boolean;
}

const SHORT = 160;

const RULES: { reason: string; test: RegExp; max?: number; endsArticle?: boolean }[] = [
  {
    reason: 'ui-error',
    test: /^(oops!?|whoops!?|something went wrong|an error (has )?occurred|please (enable|turn on) javascript|javascript is (disabled|required)|we'?re sorry|loading\.{0,3}|page not found|try again later|refresh the page)\b/i,
  },
  {
    reason: 'related-block',
    test: /^(related( (posts|stories|articles|coverage|news|content|topics))?|read more|more (stories|news|from|on this)|you (may|might) also like|recommended( for you)?|trending( now)?|most (read|popular|viewed)|see also|also read|latest news|top stories)\s*[:\u2014-]?\s*$/i,
    endsArticle: true,
  },
  {
    reason: 'share-counter',
    test: /^((share|tweet|email|print|like|comment|reply|save|follow|whatsapp|facebook|twitter|x|linkedin|pinterest|telegram|vk|reddit|flipboard|copy link)s?\b[\s:|\u00b7,/-]*)+([\d.,]+\s*[kKmM]?)?$/i,
  },
  { reason: 'share-counter', test: /^share this (article|story|page)\b.{0,80}$/i },
  {
    reason: 'share-counter',
    test: /^[\d.,]+\s*[kKmM]?\s*(shares?|likes?|comments?|views?|reactions?|retweets?)?$/i,
  },
  {
    reason: 'disclaimer',
    test: /(has been|was|is) (indexed|automatically (generated|aggregated|published)|aggregated|syndicated) (from|by)|automated aggregator|not responsible for (the|its) content|auto-?generated from a syndicated feed/i,
    max: 400,
  },
  { reason: 'copyright', test: /^(\u00a9|\(c\)|copyright\b)|\ball rights reserved\b/i, max: 240 },
  {
    reason: 'advertisement',
    test: /^(advertisement|advertising|sponsored( content)?|ad|paid (post|content)|story continues below( advertisement)?)$/i,
  },
  {
    reason: 'newsletter',
    test: /^(sign up|subscribe)\b|\b(sign up for|subscribe to) (our|the) [\w\s]*(newsletter|briefing|digest)|get (our|the) [\w\s]*newsletter/i,
    max: 200,
  },
  {
    reason: 'cookie-notice',
    test: /\b(we use cookies|accept (all )?cookies|cookie (policy|settings|preferences))\b/i,
    max: 300,
  },
  { reason: 'caption', test: /^(photo|image|picture|credit|file photo|video)\s*(:|\/|by\b)/i, max: 300 },
  {
    reason: 'navigation',
    test: /^(home|menu|search|log ?in|sign ?in|skip to (main )?content|back to top)(\s*[|>\u203a\u00bb/]\s*[\w\s&]{1,30})*$/i,
  },
];

const BYLINE =
  /^[Bb]y\s+([A-Z][\p{L}.'-]+(?:\s+(?:[A-Z][\p{L}.'-]+|de|van|von|da|al|bin|and|&))*(?:\s*,\s*[\p{L}\s&.'-]{2,60})?)$/u;
const NOT_A_NAME =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Then|Now|Noon|Midnight|Contrast|Comparison|Law|Far|Then)\b/;
const CREDIT = /\((?:[A-Z][\w.&' -]*\/)+[\w.&' -]+\)\s*$|\b(?:photo|picture|image)\s*(?:by|:)\s*[\w .'-]+$/i;

/** A lone line that reads as a sentence (a verb-ish word and final punctuation) is article text. */
export function looksLikeSentence(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words >= 8 && /[.!?"\u201d')\]]$/.test(line.trim());
}

export function classifyLine(line: string): LineVerdict | null {
  const text = line.trim();
  if (!text) return null;
  if (/^\d{1,7}$/.test(text)) return { reason: 'stray-number' };
  const by = BYLINE.exec(text);
  // "By Monday, the river had risen." opens like a byline but is a sentence.
  if (by && text.length <= 120 && !/[.!?]$/.test(text) && !NOT_A_NAME.test(by[1]!))
    return { reason: 'byline', byline: by[1]!.trim() };
  for (const rule of RULES) {
    if (text.length > (rule.max ?? SHORT)) continue;
    if (!rule.test.test(text)) continue;
    // A sentence that merely mentions a keyword (say, "Police said the photo was taken on Monday.") stays.
    // A site speaking of its own cookies ("We use cookies…") is a notice even when it is a full sentence.
    const notice = rule.reason === 'cookie-notice' && /^(we|this (web)?site) uses? cookies\b/i.test(text);
    if (
      !notice &&
      rule.reason !== 'disclaimer' &&
      rule.reason !== 'copyright' &&
      looksLikeSentence(text) &&
      rule.reason !== 'newsletter'
    )
      continue;
    return { reason: rule.reason, ...(rule.endsArticle ? { endsArticle: true } : {}) };
  }
  return null;
}

export function hasPhotoCredit(line: string): boolean {
  return CREDIT.test(line.trim());
}
