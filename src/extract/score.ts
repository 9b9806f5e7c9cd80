/**
 * Finds the article in a page tree. Text blocks (paragraphs, headings, list items, quotes, table rows,
 * and runs of bare text inside containers) are collected in document order; each substantial block
 * votes for the elements above it (more for longer, comma-rich prose), element hints ("article-body",
 * "comments", "share") raise or lower those votes, and link-heavy elements are discounted. The best
 * element and its strong siblings hold the article; inside them, blocks under navigation, share bars,
 * related-story boxes and the like are dropped. The idea is Readability's; doing it over our light tree
 * instead of a DOM is what makes it fast.
 */
import type { Block } from '../model/index.ts';
import type { PageNode } from './tree.ts';

export interface TextBlock {
  kind: Block['kind'];
  text: string;
  /** The element the block belongs to: the block element itself, or the container of a text run. */
  owner: PageNode;
  linkChars: number;
}

/** HTML elements that are text blocks of their own, with the kind of block each makes. */
export const BLOCK_KIND: Record<string, Block['kind']> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  p: 'paragraph',
  li: 'list',
  blockquote: 'quote',
  tr: 'table',
  pre: 'paragraph',
  dd: 'paragraph',
  dt: 'paragraph',
  figcaption: 'caption',
  caption: 'caption',
};

const INLINE = new Set(
  'a abbr b bdi bdo big cite code del dfn em font i img ins kbd label mark nobr q s samp small span strike strong sub sup time tt u var wbr'.split(
    ' ',
  ),
);
/** Elements that never hold the article's own text. */
const BOILERPLATE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'dialog']);
/** Parts of class and id words that name boilerplate ("share-bar", "related_posts", "comments"). */
const NEGATIVE_PART = new Set(
  'share sharing sharebar social related recommended recommend comment comments newsletter subscribe subscription promo advert ad ads advertisement sponsor sponsored outbrain taboola recirc popular trending mostread cookie cookies consent modal popup breadcrumb breadcrumbs pagination pager tags tag toolbar sidebar footer masthead menu nav navigation widget banner signup disclaimer hidden print-only sronly sr visually'.split(
    ' ',
  ),
);
/** Parts that mark a wrapper of the content itself, which saves a word like "elementor-widget-container". */
const CONTENT_PART = new Set(
  'content body article text entry main container wrap wrapper column row inner story'.split(' '),
);

/** An element is boilerplate when one of its words names boilerplate and none names content. */
function namesBoilerplate(hints: string): boolean {
  let negative = false;
  for (const word of hints.split(/\s+/)) {
    const parts = word.split(/[-_]+/);
    if (parts.some((p) => CONTENT_PART.has(p))) return false;
    if (parts.some((p) => NEGATIVE_PART.has(p))) negative = true;
  }
  return negative;
}
const UNLIKELY =
  /-ad-|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/;
const MAYBE = /and|article|body|column|content|main|shadow|story|entry|post/;
const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|articlebody/;
const WEAK_NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|caption/;

function classWeight(node: PageNode): number {
  if (!node.hints) return 0;
  let weight = 0;
  if (WEAK_NEGATIVE.test(node.hints)) weight -= 25;
  if (POSITIVE.test(node.hints)) weight += 25;
  return weight;
}

function tagBias(tag: string): number {
  switch (tag) {
    case 'article':
      return 10;
    case 'div':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Text and link characters of an element's subtree, walked iteratively. */
function textOf(node: PageNode): { text: string; linkChars: number } {
  let text = '';
  let linkChars = 0;
  const stack: { item: PageNode | string; inLink: boolean }[] = [{ item: node, inLink: node.tag === 'a' }];
  while (stack.length) {
    const { item, inLink } = stack.pop()!;
    if (typeof item === 'string') {
      text += item;
      if (inLink) linkChars += item.trim().length;
      continue;
    }
    if (item.lineBreak) {
      text += ' ';
      continue;
    }
    for (let i = item.children.length - 1; i >= 0; i--)
      stack.push({ item: item.children[i]!, inLink: inLink || item.tag === 'a' });
    // Block children inside an inline run still read as separate words.
    if (!INLINE.has(item.tag)) text += ' ';
  }
  return { text: squash(text), linkChars };
}

function hasBlockChild(node: PageNode): boolean {
  return node.children.some(
    (c) =>
      typeof c !== 'string' &&
      (c.tag === 'p' || c.tag === 'ul' || c.tag === 'ol' || c.tag === 'div' || c.tag === 'table'),
  );
}

type Frame = { open: PageNode } | { piece: PageNode; text: string; linkChars: number } | { flush: PageNode };

/** Every text block of the page in document order. */
export function collectBlocks(root: PageNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  const push = (kind: Block['kind'], text: string, owner: PageNode, linkChars: number) => {
    const t = squash(text);
    if (t) blocks.push({ kind, text: t, owner, linkChars });
  };
  // Inline content between a container's block children forms paragraph runs, gathered as their pieces
  // pop off the stack and emitted at the flush marker that follows them.
  const runs = new Map<PageNode, { text: string; linkChars: number }>();
  const stack: Frame[] = [{ open: root }];
  while (stack.length) {
    const frame = stack.pop()!;
    if ('piece' in frame) {
      const run = runs.get(frame.piece) ?? { text: '', linkChars: 0 };
      run.text += frame.text;
      run.linkChars += frame.linkChars;
      runs.set(frame.piece, run);
      continue;
    }
    if ('flush' in frame) {
      const run = runs.get(frame.flush);
      if (run) push('paragraph', run.text, frame.flush, run.linkChars);
      runs.delete(frame.flush);
      continue;
    }
    const node = frame.open;
    const kind = BLOCK_KIND[node.tag];
    if (kind && !((node.tag === 'li' || node.tag === 'blockquote') && hasBlockChild(node))) {
      const { text, linkChars } = textOf(node);
      if (node.tag === 'tr') {
        const cells = node.children
          .filter((c): c is PageNode => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
          .map((c) => textOf(c).text)
          .filter(Boolean);
        push('table', cells.length ? cells.join(' | ') : text, node, linkChars);
      } else push(kind, text, node, linkChars);
      continue;
    }
    const work: Frame[] = [];
    let pendingRun = false;
    for (const child of node.children) {
      if (typeof child === 'string' || (INLINE.has(child.tag) && !child.lineBreak)) {
        const piece = typeof child === 'string' ? { text: child, linkChars: 0 } : textOf(child);
        if (!pendingRun && !piece.text.trim()) continue;
        work.push({
          piece: node,
          text: typeof child === 'string' ? child : ` ${piece.text} `,
          linkChars: piece.linkChars,
        });
        pendingRun = true;
        continue;
      }
      // A block child or a line break ends the run so far.
      if (pendingRun) work.push({ flush: node });
      pendingRun = false;
      if (!child.lineBreak) work.push({ open: child });
    }
    if (pendingRun) work.push({ flush: node });
    for (let i = work.length - 1; i >= 0; i--) stack.push(work[i]!);
  }
  return blocks;
}

const SECTION_HEADING =
  /^(related( (stories|articles|posts|tags|coverage|content))?|more (in|from|on|stories|news)\b.*|latest( news)?|breaking news|trending( now)?|most (read|popular|viewed)|recommended( for you)?|you (may|might) also like|read (more|next)|tags?|topics|share( this)?( article| story)?|advertisement|sponsored( content)?|leave a (reply|comment)|post a comment|to read the full (story|article)|continue reading|subscribe( now)?|sign in|log in|\d+ (replies|comments?)|comments?( \(\d+\))?|join the discussion)$/i;
const TEASER_STAMP =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d,? (?:at |- |— )?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?|[A-Z]{2,4})?/i;
const DATELINE =
  /^(published|updated|posted|last (updated|modified)|first published)\b.{0,100}\b(19|20)\d\d\b/i;
const CREDIT_LINE =
  /^(getty images|ap photo|reuters|afp|shutterstock|istock|file photo)\b[\w\s/.,&-]{0,60}$/i;

/** Page furniture that survives inside article containers: link teasers, section labels, stamps. */
function furniture(block: TextBlock): string | null {
  const text = block.text;
  // Link-heavy blocks are teasers, except long prose whose names the site links ("hover cards").
  const linkShare = block.linkChars / text.length;
  if (linkShare > 0.5 && (text.length < 200 || linkShare > 0.8 || !/[.!?"\u201d]$/.test(text)))
    return 'links';
  if (/^https?:\/\/\S+$/.test(text) || (/^https?:\/\//.test(text) && text.split(/\s+/).length <= 12))
    return 'url';
  if (text.length <= 60 && SECTION_HEADING.test(text.replace(/[:.!\s]+$/, ''))) return 'section-label';
  if (text.length <= 160 && DATELINE.test(text)) return 'dateline';
  return text.length <= 80 && CREDIT_LINE.test(text) ? 'credit' : null;
}

function ancestors(node: PageNode | null, max: number): PageNode[] {
  const out: PageNode[] = [];
  for (let n = node; n && out.length < max; n = n.parent) out.push(n);
  return out;
}

function isUnlikely(node: PageNode): boolean {
  return (
    !!node.hints &&
    UNLIKELY.test(node.hints) &&
    !MAYBE.test(node.hints) &&
    node.tag !== 'body' &&
    node.tag !== 'article' &&
    node.tag !== 'main'
  );
}

function isBoilerplate(node: PageNode): boolean {
  if (BOILERPLATE_TAGS.has(node.tag)) return true;
  // Page-wide wrappers carry site-wide words ("no_sidebar_border") that say nothing about the article.
  if (node.tag === 'body' || node.tag === 'html' || node.tag === 'main' || node.tag === 'article')
    return false;
  return !!node.hints && namesBoilerplate(node.hints);
}

export interface Selection {
  blocks: TextBlock[];
  captions: string[];
  /** Furniture found inside the article's containers and left out, with the reason. */
  dropped: { text: string; reason: string }[];
}

interface Pass {
  /** Skip blocks under elements whose names make them unlikely to hold the article ("sidebar"). */
  stripUnlikely: boolean;
  /** Let class and id words raise or lower an element's score. */
  weighClasses: boolean;
}

const PASSES: Pass[] = [
  { stripUnlikely: true, weighClasses: true },
  { stripUnlikely: false, weighClasses: true },
  { stripUnlikely: false, weighClasses: false },
];
const ENOUGH_TEXT = 500;

/**
 * The article's blocks, and the captions found beside them. As in Readability, a pass that finds too
 * little text is retried with fewer assumptions, since sites name their article wrappers in ways
 * ("theiaStickySidebar") that the heuristics distrust; the longest result wins if none is long enough.
 */
export function selectContent(root: PageNode): Selection {
  const all = collectBlocks(root);
  let best: (Selection & { length: number }) | undefined;
  for (const pass of PASSES) {
    const result = selectWith(root, all, pass);
    const length = result.blocks.reduce((n, b) => n + b.text.length, 0);
    if (!best || length > best.length) best = { ...result, length };
    if (length >= ENOUGH_TEXT) break;
  }
  const { length: _length, ...selection } = best!;
  return selection;
}

function selectWith(root: PageNode, all: TextBlock[], pass: Pass): Selection {
  const score = new Map<PageNode, number>();
  const chars = new Map<PageNode, { text: number; links: number }>();
  const excluded = new Map<PageNode, boolean>();
  const underExcluded = (node: PageNode): boolean => {
    const path: PageNode[] = [];
    let verdict = false;
    for (let n: PageNode | null = node; n; n = n.parent) {
      const known = excluded.get(n);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(n);
      if ((pass.stripUnlikely && isUnlikely(n)) || n.hidden) {
        verdict = true;
        break;
      }
    }
    for (const n of path) excluded.set(n, verdict);
    return verdict;
  };

  for (const block of all) {
    const length = block.text.length;
    for (const n of ancestors(block.owner, 100)) {
      const c = chars.get(n) ?? { text: 0, links: 0 };
      c.text += length;
      c.links += block.linkChars;
      chars.set(n, c);
    }
    if (length < 25 || block.kind === 'caption' || underExcluded(block.owner)) continue;
    const points =
      1 + (block.text.match(/[,\u3001\uff0c]/g)?.length ?? 0) + Math.min(Math.floor(length / 100), 3);
    // A run of bare text votes from its container as if it were a paragraph inside it.
    const first = BLOCK_KIND[block.owner.tag] ? block.owner.parent : block.owner;
    ancestors(first, 5).forEach((n, level) => {
      if (n.tag === '#root') return;
      if (!score.has(n)) score.set(n, tagBias(n.tag) + (pass.weighClasses ? classWeight(n) : 0));
      score.set(n, score.get(n)! + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    });
  }
  const density = (n: PageNode) => {
    const c = chars.get(n);
    return c && c.text ? c.links / c.text : 0;
  };
  const ranked = [...score].map(([n, s]) => [n, s * (1 - density(n))] as const).sort((a, b) => b[1] - a[1]);
  for (const [n, s] of ranked) score.set(n, s);
  let top = ranked[0]?.[0];
  let best = ranked[0]?.[1] ?? 0;
  if (top) {
    // Articles split into cards or columns leave several near-equal candidates: their common ancestor
    // holds the article.
    const rivals = ranked
      .slice(1, 5)
      .filter(([, s]) => s >= best * 0.75)
      .map(([n]) => new Set(ancestors(n, 100)));
    if (rivals.length >= 2) {
      for (let p = top.parent; p && p.tag !== 'body' && p.tag !== '#root'; p = p.parent) {
        if (rivals.filter((a) => a.has(p!)).length >= 2) {
          top = p;
          break;
        }
      }
    }
    // Climb while the parent scores about as well: the article's wrapper rather than one of its sections.
    let last = score.get(top) ?? best;
    for (let p = top.parent; p && p.tag !== 'body' && p.tag !== '#root'; p = p.parent) {
      const s = score.get(p);
      if (s === undefined || s < last / 3) break;
      if (s > last) {
        top = p;
        break;
      }
      last = s;
    }
    while (
      top.parent &&
      top.parent.tag !== 'body' &&
      top.parent.children.filter((c) => typeof c !== 'string').length === 1
    )
      top = top.parent;
    best = Math.max(best, score.get(top) ?? 0);
  }
  const included = new Set<PageNode>();
  if (top?.parent) {
    const threshold = Math.max(10, best * 0.2);
    for (const sibling of top.parent.children) {
      if (typeof sibling === 'string') continue;
      if (sibling === top) included.add(sibling);
      else if (
        // A sibling named like the top candidate (the article's next section) gets a bonus, as in Readability.
        sibling.hints && sibling.hints === top.hints
          ? (score.get(sibling) ?? 0) + best * 0.2 >= threshold
          : (score.get(sibling) ?? Number.NEGATIVE_INFINITY) >= threshold
      )
        included.add(sibling);
      else if (sibling.tag === 'p') {
        const c = chars.get(sibling);
        if (c && c.text > 80 && density(sibling) < 0.25) included.add(sibling);
      }
    }
  } else included.add(root);

  const inside = (node: PageNode): boolean => {
    for (let n: PageNode | null = node; n; n = n.parent) {
      if (included.has(n)) return true;
      if (isBoilerplate(n)) {
        return false;
      }
    }
    return false;
  };
  const blocks: TextBlock[] = [];
  const captions: string[] = [];
  const dropped: { text: string; reason: string }[] = [];
  for (const block of all) {
    if (!inside(block.owner)) continue;
    if (block.kind === 'caption' || ancestors(block.owner, 6).some((n) => n.tag === 'figure')) {
      captions.push(block.text);
      continue;
    }
    const reason = furniture(block);
    if (reason) dropped.push({ text: block.text, reason });
    else blocks.push(block);
  }
  // Several blocks each carrying a publication stamp ("November 19, 2019 at 5:10 pm") are a list of
  // other articles' teasers, not paragraphs of this one.
  const stamped = blocks.filter((b) => TEASER_STAMP.test(b.text));
  if (stamped.length >= 3) {
    for (const b of stamped) dropped.push({ text: b.text, reason: 'teaser' });
    return { blocks: blocks.filter((b) => !stamped.includes(b)), captions, dropped };
  }
  return { blocks, captions, dropped };
}
