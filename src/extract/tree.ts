/**
 * A light page tree built in one streaming pass of htmlparser2: elements with their tag, the class, id,
 * role and itemprop words that hint at what they hold, and their text. No DOM library is involved — a
 * full DOM costs most of an extractor's time and memory, and the scorer needs only this much. Depth is
 * capped (deeper elements fold into their ancestor), so a page nested 100,000 levels deep costs no more
 * than a flat one, and every walk over the tree is iterative.
 */
import { Parser } from 'htmlparser2';

export interface PageNode {
  tag: string;
  /** Lower-cased class, id, role and itemprop words: the hints the scorer reads. */
  hints: string;
  parent: PageNode | null;
  children: (PageNode | string)[];
  /** A `<br>`: inline, but it separates lines. */
  lineBreak?: boolean;
  /** Hidden by attribute or inline style: never shown, so never the article. */
  hidden?: boolean;
}

/** The elements metadata is read from, with their attributes (and text, for JSON-LD scripts). */
export interface MetaElement {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

export interface PageTree {
  root: PageNode;
  title: string;
  metaElements: MetaElement[];
  /** Whether elements past the depth cap were folded into their ancestors. */
  folded: boolean;
}

const MAX_DEPTH = 1500;
/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'select',
  'textarea',
  'button',
  'canvas',
  'object',
  'title',
]);
const METADATA_TAGS = new Set(['meta', 'link', 'time', 'html']);

export function parsePage(html: string): PageTree {
  const root: PageNode = { tag: '#root', hints: '', parent: null, children: [] };
  const metaElements: MetaElement[] = [];
  let current = root;
  let depth = 0;
  let folded = 0;
  let everFolded = false;
  let skipping = 0;
  let title = '';
  let inTitle = false;
  let ldJson: MetaElement | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (METADATA_TAGS.has(name)) metaElements.push({ tag: name, attrs, text: '' });
        if (name === 'title' && !title) inTitle = true;
        if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) {
          ldJson = { tag: 'script', attrs, text: '' };
          metaElements.push(ldJson);
        }
        if (SKIPPED.has(name)) {
          skipping++;
          return;
        }
        if (skipping) return;
        if (name === 'br' || name === 'hr') {
          current.children.push({ tag: name, hints: '', parent: current, children: [], lineBreak: true });
          return;
        }
        if (depth >= MAX_DEPTH) {
          folded++;
          everFolded = true;
          return;
        }
        const hints = `${attrs.class ?? ''} ${attrs.id ?? ''} ${attrs.role ?? ''} ${attrs.itemprop ?? ''}`
          .toLowerCase()
          .trim();
        const node: PageNode = { tag: name, hints, parent: current, children: [] };
        if (attrs.hidden !== undefined || /display:\s*none|visibility:\s*hidden/i.test(attrs.style ?? ''))
          node.hidden = true;
        current.children.push(node);
        current = node;
        depth++;
      },
      ontext(text) {
        if (inTitle) title += text;
        if (ldJson) ldJson.text += text;
        if (skipping) return;
        const last = current.children.at(-1);
        if (typeof last === 'string') current.children[current.children.length - 1] = last + text;
        else current.children.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script') ldJson = null;
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping || name === 'br' || name === 'hr') return;
        if (folded > 0) {
          folded--;
          return;
        }
        // htmlparser2 closes implied elements itself; walking up to the named one keeps the tree sane
        // when the markup is not.
        let node: PageNode | null = current;
        while (node && node.tag !== name) node = node.parent;
        if (!node || !node.parent) return;
        while (current !== node) {
          current = current.parent!;
          depth--;
        }
        current = node.parent!;
        depth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { root, title: title.replace(/\s+/g, ' ').trim(), metaElements, folded: everFolded };
}

/** Just enough of `querySelectorAll` for the metadata reader: `tag[attr="value"]` and `tag[attr]` lists. */
export function metadataDocument(tree: PageTree) {
  return {
    title: tree.title,
    querySelectorAll(selector: string) {
      const parts = selector.split(',').map((s) => {
        const m = /^\s*([a-z]+)\[([\w:-]+)(?:="([^"]*)")?\]\s*$/i.exec(s)!;
        return { tag: m[1]!.toLowerCase(), attr: m[2]!.toLowerCase(), value: m[3] };
      });
      return tree.metaElements
        .filter((el) =>
          parts.some(
            (p) =>
              el.tag === p.tag &&
              el.attrs[p.attr] !== undefined &&
              (p.value === undefined || el.attrs[p.attr]!.toLowerCase() === p.value.toLowerCase()),
          ),
        )
        .map((el) => ({
          getAttribute: (name: string) => el.attrs[name.toLowerCase()] ?? null,
          textContent: el.text,
        }));
    },
  };
}
