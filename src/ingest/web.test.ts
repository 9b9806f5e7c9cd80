import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress, safeFetch } from './fetch.ts';
import { type InputProblem, type RawDocument, readInputs } from './read.ts';
import { type FeedCache, WebFetcher } from './web.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
const arrivals: { path: string; at: number }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    arrivals.push({ path: req.url ?? '', at: Date.now() });
    const handler = routes.get(req.url ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const only127 = (a: string) => a === '127.0.0.1';

describe('address policy', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.9', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fc00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['224.0.0.1', false],
    ['8.8.8.8', true],
    ['2001:4860:4860::8888', true],
    ['not-an-ip', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('safeFetch', () => {
  it('refuses loopback unless private addresses are allowed', async () => {
    routes.set('/hello', (_q, res) => res.end('hi'));
    await expect(safeFetch(`${base}/hello`)).rejects.toThrow(
      /refused: 127\.0\.0\.1 resolves to a private, loopback or reserved address/,
    );
    expect((await safeFetch(`${base}/hello`, { allowPrivate: true })).body.toString()).toBe('hi');
  });

  it('checks addresses after DNS resolution and after every redirect', async () => {
    const resolve = async (host: string) => (host === 'sneaky.test' ? ['10.9.8.7'] : ['127.0.0.1']);
    await expect(safeFetch('http://sneaky.test/x', { resolve, allowPrivate: only127 })).rejects.toThrow(
      /resolves to a private.*10\.9\.8\.7/,
    );
    routes.set('/bounce', (_q, res) => res.writeHead(302, { location: 'http://sneaky.test/admin' }).end());
    await expect(safeFetch(`${base}/bounce`, { resolve, allowPrivate: only127 })).rejects.toThrow(
      /sneaky\.test.*10\.9\.8\.7/,
    );
  });

  it('refuses other schemes and credentials in URLs', async () => {
    await expect(safeFetch('file:///etc/passwd')).rejects.toThrow(/only http and https/);
    await expect(safeFetch('ftp://example.com/x')).rejects.toThrow(/only http and https/);
    await expect(safeFetch('http://user:pw@example.com/')).rejects.toThrow(/credentials/);
    await expect(safeFetch('not a url')).rejects.toThrow(/not a valid URL/);
  });

  it('stops at the redirect limit, the size limit, a gzip bomb and the timeout', async () => {
    routes.set('/loop', (_q, res) => res.writeHead(301, { location: '/loop' }).end());
    await expect(safeFetch(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 })).rejects.toThrow(
      /more than 3 redirects/,
    );
    routes.set('/big', (_q, res) => res.end(Buffer.alloc(200_000, 97)));
    await expect(safeFetch(`${base}/big`, { allowPrivate: true, maxBytes: 100_000 })).rejects.toThrow(
      /over the 100000-byte limit/,
    );
    const bomb = gzipSync(Buffer.alloc(30_000_000));
    routes.set('/bomb', (_q, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb));
    await expect(safeFetch(`${base}/bomb`, { allowPrivate: true, maxBytes: 1_000_000 })).rejects.toThrow(
      /over the 1000000-byte limit/,
    );
    routes.set('/hang', () => {});
    await expect(safeFetch(`${base}/hang`, { allowPrivate: true, timeoutMs: 300 })).rejects.toThrow(
      /timed out|socket hang up/,
    );
  });
});

describe('WebFetcher and URL inputs', () => {
  const article = (title: string) =>
    `<html><head><title>${title}</title></head><body><p>${title} happened today in the port city, officials said.</p></body></html>`;

  it('obeys robots.txt', async () => {
    routes.set('/robots.txt', (_q, res) => res.end('User-agent: *\nDisallow: /private/\n'));
    routes.set('/private/page', (_q, res) => res.end(article('secret')));
    routes.set('/public/page', (_q, res) => res.end(article('open')));
    const web = new WebFetcher({ allowPrivate: true, perHostIntervalMs: 0 });
    await expect(web.get(`${base}/private/page`)).rejects.toThrow(/disallowed by robots.txt/);
    expect((await web.get(`${base}/public/page`)).status).toBe(200);
  });

  it('spaces requests to one host', async () => {
    routes.set('/slow-a', (_q, res) => res.end('a'));
    const web = new WebFetcher({ allowPrivate: true, perHostIntervalMs: 150, respectRobots: false });
    arrivals.length = 0;
    await Promise.all([web.get(`${base}/slow-a`), web.get(`${base}/slow-a`), web.get(`${base}/slow-a`)]);
    const times = arrivals.filter((a) => a.path === '/slow-a').map((a) => a.at);
    expect(times).toHaveLength(3);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(280);
  });

  it('reads a feed, fetches its items, skips an item that points back at the feed, and polls conditionally', async () => {
    const feedUrl = `${base}/feed.xml`;
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Port Gazette</title>
      <item><title>Cranes return</title><link>${base}/news/cranes</link><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>
      <item><title>Loop</title><link>${feedUrl}</link></item></channel></rss>`;
    routes.set('/feed.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss);
    });
    routes.set('/news/cranes', (_q, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article('Cranes return')),
    );
    const web = new WebFetcher({ allowPrivate: true, perHostIntervalMs: 0, respectRobots: false });
    const feedCache = new Map<string, FeedCache>();
    const poll = async () => {
      const docs: RawDocument[] = [];
      const problems: InputProblem[] = [];
      for await (const d of readInputs([feedUrl], { web, feedCache, onProblem: (p) => problems.push(p) }))
        docs.push(d);
      return { docs, problems };
    };
    const first = await poll();
    expect(first.problems).toEqual([]);
    expect(first.docs.map((d) => d.source.url)).toEqual([`${base}/news/cranes`]);
    expect(first.docs[0]!.meta).toMatchObject({
      title: 'Cranes return',
      outlet: 'Port Gazette',
      published: '2026-03-02T10:00:00.000Z',
    });
    expect(feedCache.get(feedUrl)).toEqual({ etag: '"v1"', lastModified: undefined });
    const second = await poll();
    expect(second.docs).toEqual([]);
  });

  it('refuses a feed that declares XML entities', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss version="2.0"><channel><title>&lol2;</title></channel></rss>`;
    routes.set('/laughs.xml', (_q, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(laughs),
    );
    const problems: InputProblem[] = [];
    const web = new WebFetcher({ allowPrivate: true, perHostIntervalMs: 0, respectRobots: false });
    for await (const _ of readInputs([`${base}/laughs.xml`], { web, onProblem: (p) => problems.push(p) }))
      expect.unreachable();
    expect(problems[0]!.message).toMatch(/entity-expansion/);
  });

  it('reports a refused URL input by name and goes on', async () => {
    const problems: InputProblem[] = [];
    for await (const _ of readInputs([`${base}/hello`], { onProblem: (p) => problems.push(p) }))
      expect.unreachable();
    expect(problems[0]!.input).toBe(`${base}/hello`);
    expect(problems[0]!.message).toMatch(/refused/);
  });
});
