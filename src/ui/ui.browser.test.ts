/**
 * The UI in a real browser: Debian's Chromium driven by playwright-core against `corroborate serve`'s app
 * on loopback. Skipped when Chromium is not installed (CI installs it).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Article, createArticle } from '../model/index.ts';
import { segment } from '../nlp/segment.ts';
import { buildStory } from '../pipeline/index.ts';
import { createApp } from '../server/index.ts';
import { Store } from '../store/index.ts';
import { mountUi } from './routes.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const shots = join(process.cwd(), 'test-results', 'ui');

const QUOTE = 'We have agreed to reopen the border crossings within thirty days';
const VARIANT = 'We agreed to reopen the border crossings within 30 days';
const MISQUOTE = 'We have agreed to reopen the border crossings within ninety days';

function annotated(
  id: string,
  outlet: string,
  text: string,
  quote: string,
  hours: [string, number, number],
  extra: Partial<Article['meta']> = {},
): Article {
  const a = createArticle({
    id,
    text,
    meta: { outlet, title: `${outlet} on the Geneva talks`, published: '2026-03-02', ...extra },
    removed: [{ text: 'Oops! Something went wrong.', reason: 'ui-error' }],
  });
  Object.assign(a.annotations, segment(a));
  const q = text.indexOf(quote);
  const okafor = text.indexOf('Okafor');
  a.annotations.entities = [
    {
      id: 'e1',
      name: 'Amara Okafor',
      type: 'person',
      aliases: [],
      mentions: [{ start: okafor, end: okafor + 6 }],
    },
  ];
  a.annotations.quotes = [
    {
      content: { start: q, end: q + quote.length },
      speaker: { start: okafor, end: okafor + 6 },
      speakerEntity: 'e1',
      cue: null,
      direct: true,
    },
  ];
  const h = text.indexOf(hours[0]);
  a.annotations.quantities = [
    {
      start: h,
      end: h + hours[0].length,
      low: hours[1],
      high: hours[2],
      value: hours[2],
      unit: 'hour',
      dimension: 'duration',
      measure: 'talks',
    },
  ];
  return a;
}

const hostileTitle = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

let browser: Browser;
let store: Store;
let base: string;
let close: () => void;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  store = await Store.open('memory:');
  const articles = [
    annotated('wire', 'Wire Agency', `"${QUOTE}," Okafor said after nearly six hours of talks.`, QUOTE, [
      'nearly six hours',
      5.5,
      6,
    ]),
    annotated(
      'radio',
      'Lake Radio',
      `"${VARIANT}," Okafor told listeners after more than five hours of talks.`,
      VARIANT,
      ['more than five hours', 5, 7.5],
    ),
    annotated(
      'state',
      'State News',
      `"${MISQUOTE}," Okafor said after roughly 3-1/2 hours of talks.`,
      MISQUOTE,
      ['roughly 3-1/2 hours', 3.15, 3.85],
      {
        title: hostileTitle,
        url: 'javascript:window.__pwned=3',
      },
    ),
  ];
  articles[2]!.text += ` ${hostileTitle}`;
  for (const a of articles) await store.insertArticle(a, `hash-${a.id}`, 's1');
  const story = buildStory(
    { id: 's1', title: `Geneva talks ${hostileTitle}`, keywords: [], articles: articles.map((a) => a.id) },
    articles,
  );
  story.summary = [
    {
      text: 'The ministers agreed to reopen the crossings.',
      sources: story.quotes[0]!.instances.map((i) => ({
        article: i.article,
        start: i.start,
        end: i.end,
        text: i.text,
      })),
    },
  ];
  await store.saveStory(story, articles);
  // Load shedding is tested in server/overload.test.ts; here a busy CI machine must not turn pages into 503s.
  const app = createApp({
    store,
    ingest: async () => [],
    mount: (a) => mountUi(a, store),
    maxLagMs: 10_000,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await mkdir(shots, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  close?.();
  await store?.close();
});

/** A page that records dialogs and any request leaving the test server. */
async function open(path: string): Promise<{ page: Page; dialogs: string[]; foreign: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(`${base}${path}`);
  return { page, dialogs, foreign };
}

describe.runIf(existsSync(CHROMIUM))('newsroom UI in Chromium', () => {
  it('lists stories with counts and opens a story', async () => {
    const { page } = await open('/');
    const row = page.locator('table.list tbody tr').first();
    await expect.poll(() => row.locator('td.n').allTextContents()).toEqual(['3', '3', '1']);
    await page.screenshot({ path: join(shots, 'story-list.png'), fullPage: true });
    await row.locator('a').click();
    await page.waitForURL(/\/stories\/s1$/);
    expect(await page.locator('h1').textContent()).toContain('Geneva talks');
  });

  it('shows the conflicts panel, quote diffs, the coverage matrix and highlights cited spans', async () => {
    const { page } = await open('/stories/s1');
    const conflicts = page.locator('#conflicts');
    expect(await conflicts.locator('li').count()).toBe(1);
    expect(await conflicts.textContent()).toContain('State News');
    expect(await page.locator('.qgroup li.misquote').count()).toBe(1);
    expect(await page.locator('.qgroup li.misquote ins').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('ninety')]),
    );
    expect(await page.locator('.qgroup del').count()).toBeGreaterThan(0);
    expect(await page.locator('table.matrix tbody tr').count()).toBe(2);
    expect(await page.locator('table.matrix td.on').count()).toBe(6);
    expect(await page.locator('.cited.hl').count()).toBe(0);
    await page.locator('.summary a.cite').first().hover();
    expect(await page.locator('.cited.hl').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'story-page.png'), fullPage: true });
  });

  it('is usable from the keyboard: focusing a citation highlights its spans', async () => {
    const { page } = await open('/stories/s1');
    await page.locator('.summary a.cite').nth(1).focus();
    expect(await page.locator('.cited.hl').count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.tagName')).toBe('A');
  });

  it('toggles the text that cleaning removed', async () => {
    const { page } = await open('/stories/s1');
    const removed = page.locator('.removed').first();
    // Source cards off screen are not laid out (content-visibility), as for a reader who has not scrolled.
    await removed.evaluate((el) => el.closest('.source')?.scrollIntoView());
    expect(await removed.isVisible()).toBe(false);
    await page.getByLabel('text removed by cleaning').check();
    await removed.evaluate((el) => el.closest('.source')?.scrollIntoView());
    expect(await removed.isVisible()).toBe(true);
    expect(await removed.textContent()).toContain('Oops! Something went wrong.');
  });

  it('renders hostile article content inert, with a Content-Security-Policy', async () => {
    for (const path of ['/', '/stories/s1', '/articles/state']) {
      const { page, dialogs, foreign } = await open(path);
      const response = await page.goto(`${base}${path}`);
      expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(foreign).toEqual([]);
      expect(await page.content()).not.toContain('<script>window.__pwned');
      if (path === '/articles/state') {
        expect(await page.locator('h1').textContent()).toContain('<script>');
        expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
        await page.screenshot({ path: join(shots, 'article-hostile.png'), fullPage: true });
      }
    }
  });

  it('lays the page out on a phone-sized screen without horizontal overflow of the text', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/stories/s1`);
    await page.screenshot({ path: join(shots, 'story-phone.png'), fullPage: true });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
