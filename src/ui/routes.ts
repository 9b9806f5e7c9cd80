/**
 * The newsroom UI served by `corroborate serve`: server-rendered pages over the store, one stylesheet and
 * one script served as files, and a Content-Security-Policy that allows nothing else — no inline script,
 * no third-party origin — so even markup that slipped past escaping could not run.
 */
import type { Context, Hono } from 'hono';
import type { Analysis } from '../pipeline/index.ts';
import { makeView } from '../report/view.ts';
import type { Store } from '../store/index.ts';
import { articleBody } from './article.ts';
import { CSS, SCRIPT } from './assets.ts';
import { escapeHtml } from './html.ts';
import { page } from './layout.ts';
import { storyListBody } from './list.ts';
import { storyBody } from './story.ts';

const PAGE_CACHE = 64;

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function html(c: Context, body: string, status: 200 | 404 = 200) {
  c.header('Content-Security-Policy', CSP);
  c.header('Cache-Control', 'no-cache');
  return c.html(body, status);
}

function notFound(c: Context, what: string) {
  return html(
    c,
    page(
      'Not found',
      `<h1>Not found</h1><p>${escapeHtml(what)}</p><p><a href="/">All stories</a></p>`,
      'linked',
    ),
    404,
  );
}

export function mountUi(app: Hono, store: Store): void {
  app.get('/ui/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/ui/app.js', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  app.get('/', async (c) => {
    const q = c.req.query('q')?.slice(0, 200) || undefined;
    const outlet = c.req.query('outlet') || undefined;
    const sinceRaw = c.req.query('since') || undefined;
    const since = sinceRaw && !Number.isNaN(Date.parse(sinceRaw)) ? sinceRaw : undefined;
    const offset = Math.max(0, Math.min(Number(c.req.query('offset')) || 0, 1_000_000));
    const limit = 50;
    const [{ total, stories }, outlets] = await Promise.all([
      store.listStories({ query: q, outlet, since, limit, offset }),
      store.outlets(),
    ]);
    return html(
      c,
      page('Stories', storyListBody(stories, total, { q, outlet, since, offset, limit }, outlets), 'linked'),
    );
  });

  // A story page (every source's text with its highlights) takes a few hundred milliseconds to build and
  // changes only with the story's version, which one small query tells.
  const pages = new Map<string, { version: number; html: string }>();
  app.get('/stories/:id', async (c) => {
    const id = c.req.param('id');
    const version = await store.storyVersion(id);
    if (version === null) return notFound(c, `No story ${id}.`);
    const cached = pages.get(id);
    if (cached?.version === version) return html(c, cached.html);
    const story = await store.getStory(id);
    if (!story) return notFound(c, `No story ${id}.`);
    const articles = await store.articlesOfStory(story.id);
    const duplicates = await store.duplicatesOf(articles.map((a) => a.id));
    const analysis: Analysis = { articles, stories: [story], duplicates, reuse: [], problems: [] };
    const body = page(
      story.title || story.id,
      `<p><a href="/">\u2190 all stories</a></p>${storyBody(makeView(analysis), story, { linkArticles: true, heading: 'h1' })}`,
      'linked',
    );
    pages.delete(id);
    pages.set(id, { version: story.version, html: body });
    if (pages.size > PAGE_CACHE) pages.delete(pages.keys().next().value!);
    return html(c, body);
  });

  app.get('/articles/:id', async (c) => {
    const article = await store.getArticle(c.req.param('id'));
    if (!article) return notFound(c, `No article ${c.req.param('id')}.`);
    const view = makeView({ articles: [article], stories: [], duplicates: [], reuse: [], problems: [] });
    return html(
      c,
      page(article.meta.title ?? article.id, articleBody(view, article, article.story), 'linked'),
    );
  });
}
