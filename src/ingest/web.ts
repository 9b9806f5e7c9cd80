/**
 * URLs as inputs: an article page, or a feed whose items are then read. A polite client: robots.txt is
 * obeyed, each host gets at most one request per interval, and feeds are polled conditionally (ETag,
 * Last-Modified) so an unchanged feed costs one small 304.
 */
import { createRequire } from 'node:module';
import { decodeBytes, InputError } from './decode.ts';
import { type Feed, hasFullContent, looksLikeFeed, parseFeed } from './feed.ts';
import { type FetchPolicy, type FetchResult, safeFetch, USER_AGENT } from './fetch.ts';
import type { RawDocument } from './read.ts';

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS whose typings claim an ES default export; require gives the function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robots;

export interface WebOptions extends FetchPolicy {
  /** Minimum time between two requests to one host. */
  perHostIntervalMs?: number;
  respectRobots?: boolean;
}

export interface FeedCache {
  etag?: string;
  lastModified?: string;
}

export class WebFetcher {
  private readonly nextSlot = new Map<string, number>();
  private readonly robots = new Map<string, Promise<Robots | null>>();

  constructor(readonly options: WebOptions = {}) {}

  private async waitTurn(host: string): Promise<void> {
    const interval = this.options.perHostIntervalMs ?? 1000;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, slot + interval);
    if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
  }

  private robotsFor(url: URL) {
    const key = url.origin;
    let entry = this.robots.get(key);
    if (!entry) {
      const robotsUrl = `${url.origin}/robots.txt`;
      entry = (async () => {
        try {
          await this.waitTurn(url.host);
          const res = await safeFetch(robotsUrl, { ...this.options, maxBytes: 512 * 1024 });
          return res.status >= 200 && res.status < 300
            ? robotsParser(robotsUrl, res.body.toString('utf8'))
            : null;
        } catch {
          return null;
        }
      })();
      this.robots.set(key, entry);
    }
    return entry;
  }

  async get(input: string, headers: Record<string, string> = {}): Promise<FetchResult> {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new InputError(input, 'not a valid URL');
    }
    if (this.options.respectRobots !== false) {
      const robots = await this.robotsFor(url);
      if (robots && robots.isAllowed(url.href, this.options.userAgent ?? USER_AGENT) === false)
        throw new InputError(input, 'refused: disallowed by robots.txt');
    }
    await this.waitTurn(url.host);
    return safeFetch(url.href, { ...this.options, headers: { ...this.options.headers, ...headers } });
  }
}

function pageDocument(res: FetchResult, meta: RawDocument['meta'] = {}): RawDocument {
  const charset = /charset=([\w-]+)/i.exec(res.headers['content-type'] ?? '')?.[1];
  const { text } = decodeBytes(res.body, res.url, charset);
  return { source: { url: res.url }, format: 'html', content: text, meta: { url: res.url, ...meta } };
}

export interface UrlReadOptions {
  onProblem: (input: string, message: string) => void;
  /** Conditional-request state per feed URL; updated in place. */
  feedCache?: Map<string, FeedCache>;
}

/** One URL: its page, or every item of the feed it serves. */
export async function* readUrl(
  url: string,
  web: WebFetcher,
  options: UrlReadOptions,
): AsyncGenerator<RawDocument> {
  const cache = options.feedCache?.get(url);
  const conditional: Record<string, string> = {};
  if (cache?.etag) conditional['if-none-match'] = cache.etag;
  if (cache?.lastModified) conditional['if-modified-since'] = cache.lastModified;
  const res = await web.get(url, conditional);
  if (res.status === 304) return;
  if (res.status < 200 || res.status >= 300) throw new InputError(url, `HTTP ${res.status}`);
  const contentType = res.headers['content-type'] ?? '';
  const body = res.body.toString('utf8');
  if (!looksLikeFeed(contentType, body)) {
    yield pageDocument(res);
    return;
  }
  const feed: Feed = parseFeed(body, url);
  options.feedCache?.set(url, { etag: res.headers.etag, lastModified: res.headers['last-modified'] });
  const seen = new Set([url, res.url]);
  for (const item of feed.items) {
    const meta = {
      ...(item.title ? { title: item.title } : {}),
      ...(item.published ? { published: item.published } : {}),
      ...(item.author ? { byline: item.author } : {}),
      ...(feed.title ? { outlet: feed.title } : {}),
    };
    if (hasFullContent(item)) {
      yield {
        source: { url: item.url ?? url },
        format: 'html',
        content: item.content!,
        meta: { ...meta, ...(item.url ? { url: item.url } : {}) },
      };
      continue;
    }
    if (!item.url || seen.has(item.url)) continue;
    seen.add(item.url);
    try {
      const page = await web.get(item.url);
      if (page.status < 200 || page.status >= 300) throw new InputError(item.url, `HTTP ${page.status}`);
      if (looksLikeFeed(page.headers['content-type'] ?? '', page.body.subarray(0, 600).toString('utf8')))
        throw new InputError(item.url, 'is a feed, not an article; not followed');
      yield pageDocument(page, meta);
    } catch (error) {
      options.onProblem(
        item.url,
        error instanceof InputError ? error.message.replace(`${item.url}: `, '') : String(error),
      );
    }
  }
}
