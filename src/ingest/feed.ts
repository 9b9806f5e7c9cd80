/**
 * News feeds: RSS and Atom (through a maintained, lenient parser) and JSON Feed. A feed names articles;
 * an item carrying full content becomes a document directly, otherwise its link is fetched. Items that
 * point back at the feed itself are skipped, so a feed that links to itself cannot loop.
 */
import { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser';
import { InputError } from './decode.ts';

export interface FeedItem {
  url: string | null;
  title: string | null;
  published: string | null;
  author: string | null;
  /** Full HTML content when the feed carries it. */
  content: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

const MAX_ITEMS = 1000;
// Below this much text an item's content is a teaser, and the article page is fetched instead.
const FULL_CONTENT_CHARS = 1200;

export function looksLikeFeed(contentType: string, body: string): boolean {
  if (/(rss|atom|feed\+json|xml)/i.test(contentType)) return true;
  const head = body.trimStart().slice(0, 500);
  return (
    /^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(head) ||
    // A feed with an internal DTD subset is still a feed (parseFeed refuses its entities).
    /^(<\?xml[^>]*>\s*)?<!DOCTYPE\s+(rss|feed|rdf:RDF|\w+)\s*\[/i.test(head) ||
    /^<(rss|feed)\b/i.test(head) ||
    /"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(head)
  );
}

function parseJsonFeed(text: string, where: string): Feed {
  let data: { title?: unknown; items?: unknown };
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(where, 'invalid JSON Feed');
  }
  const items = Array.isArray(data.items) ? data.items.slice(0, MAX_ITEMS) : [];
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  return {
    title: str(data.title),
    items: items.map((raw) => {
      const item = (raw ?? {}) as Record<string, unknown>;
      const authors = Array.isArray(item.authors) ? (item.authors as { name?: unknown }[]) : [];
      return {
        url: str(item.url) ?? str(item.external_url),
        title: str(item.title),
        published: str(item.date_published),
        author: str(authors[0]?.name) ?? str((item.author as { name?: unknown } | undefined)?.name),
        content:
          str(item.content_html) ??
          (str(item.content_text)
            ? `<p>${String(item.content_text).replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`
            : null),
      };
    }),
  };
}

export function parseFeed(text: string, where: string): Feed {
  if (/^\s*\{/.test(text)) return parseJsonFeed(text, where);
  // DTDs are where entity-expansion attacks live; feeds have no need of them.
  if (/<!DOCTYPE[^>]*\[/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text.slice(0, 65536)))
    throw new InputError(where, 'refused: feed declares XML entities (possible entity-expansion attack)');
  let feed: ReturnType<typeof parseXmlFeed>;
  try {
    feed = parseXmlFeed(text);
  } catch (error) {
    throw new InputError(where, `invalid feed (${(error as Error).message})`);
  }
  return {
    title: feed.title,
    items: feed.items.slice(0, MAX_ITEMS).map((item) => ({
      url: item.url,
      title: item.title,
      published: item.published ? item.published.toISOString() : null,
      author: item.authors[0]?.name ?? null,
      content: item.content,
    })),
  };
}

export function hasFullContent(item: FeedItem): boolean {
  return !!item.content && item.content.replace(/<[^>]*>/g, '').trim().length >= FULL_CONTENT_CHARS;
}
