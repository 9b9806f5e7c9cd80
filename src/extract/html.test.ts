import { describe, expect, it } from 'vitest';
import { extractHtml } from './html.ts';

const filler = (topic: string) =>
  `<p>The ${topic} was discussed at length by the regional council, whose members heard from residents, engineers and the port authority over several hours of testimony on Tuesday evening.</p>`;

const PAGE = `<!doctype html><html lang="en"><head>
<title>Harbour bridge to close for repairs | Coastline Gazette</title>
<meta property="og:site_name" content="Coastline Gazette">
<link rel="canonical" href="https://gazette.example/news/2026/04/14/harbour-bridge">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour bridge to close for repairs","datePublished":"2026-04-14T08:30:00Z","author":{"@type":"Person","name":"Mira Osei"},"publisher":{"@type":"Organization","name":"Coastline Gazette"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="share">Share on Facebook · Tweet · 312 shares</div>
<article>
<h1>Harbour bridge to close for repairs</h1>
<p class="byline">By Mira Osei · Email the author</p>
<figure><img src="b.jpg"><figcaption>The harbour bridge at dawn. Photo: Coastline Gazette</figcaption></figure>
<p>The harbour bridge will close for eleven weeks from May 2 while engineers replace corroded cables, the port authority said on Monday.</p>
${filler('closure')}
<h2>Detours</h2>
<ul><li>Buses will use the inland ring road.</li><li>A free shuttle ferry will run every twenty minutes.</li></ul>
<blockquote>"We cannot keep a bridge open that we cannot vouch for," said harbour master Elin Roe.</blockquote>
${filler('cost of the repairs')}
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Council elections: who is standing</a></li></ul></aside>
<div class="newsletter">Sign up for our newsletter to get the news first.</div>
<footer>© 2026 Coastline Gazette. All rights reserved.</footer>
</body></html>`;

describe('extractHtml', () => {
  const result = extractHtml(PAGE, { url: 'https://gazette.example/news/2026/04/14/harbour-bridge' });

  it('keeps headings, paragraphs, list items and block quotes of the article', () => {
    expect(result.text).toContain('The harbour bridge will close for eleven weeks from May 2');
    expect(result.text).toContain('Detours');
    expect(result.text).toContain('A free shuttle ferry will run every twenty minutes.');
    expect(result.text).toContain('We cannot keep a bridge open that we cannot vouch for');
    const kinds = new Set(result.blocks.map((b) => b.kind));
    expect(kinds.has('heading')).toBe(true);
    expect(kinds.has('paragraph')).toBe(true);
  });

  it('drops navigation, share counters, related links, newsletter boxes and the footer', () => {
    for (const junk of [
      'Sport',
      '312 shares',
      'Council elections',
      'Sign up for our newsletter',
      'All rights reserved',
    ])
      expect(result.text).not.toContain(junk);
  });

  it('keeps the caption aside and the byline as metadata', () => {
    expect(result.text).not.toContain('The harbour bridge at dawn');
    expect(result.captions.join(' ')).toContain('The harbour bridge at dawn');
    expect(result.text).not.toContain('Email the author');
    expect(result.meta.byline).toBe('Mira Osei');
  });

  it('reads the metadata: title without the outlet suffix, dates, outlet, language, canonical URL', () => {
    expect(result.meta.title).toBe('Harbour bridge to close for repairs');
    expect(result.meta.outlet).toBe('Coastline Gazette');
    expect(result.meta.published?.startsWith('2026-04-14')).toBe(true);
    expect(result.meta.language).toBe('en');
    expect(result.meta.canonicalUrl ?? result.meta.url).toContain('harbour-bridge');
  });

  it('gives block spans that slice to their text', () => {
    for (const b of result.blocks) {
      expect(b.start).toBeGreaterThanOrEqual(0);
      expect(b.end).toBeLessThanOrEqual(result.text.length);
      expect(result.text.slice(b.start, b.end).trim().length).toBeGreaterThan(0);
    }
  });

  it('flags pages without an article instead of returning garbage', () => {
    const shell = extractHtml(
      '<html><head><title>App</title></head><body><div id="root"></div><script src="/app.js"></script><noscript>You need to enable JavaScript to run this app.</noscript></body></html>',
    );
    expect(shell.text.trim()).toBe('');
    expect(shell.flags.length).toBeGreaterThan(0);
    const captcha = extractHtml(
      '<html><head><title>Just a moment...</title></head><body><h1>Checking your browser before accessing the site.</h1><p>Please complete the security check to access gazette.example.</p></body></html>',
    );
    expect(captcha.flags).toContain('blocked');
  });
});

describe('visible datelines', () => {
  it('reads the published date printed on the page when the markup has none, and records the stamp', () => {
    const paragraph =
      '<p>The harbour bridge will close for eleven weeks from May 2 while engineers replace corroded cables, the port authority said on Monday, adding that buses would run on the inland road.</p>';
    const page = `<html><head><title>Bridge to close</title></head><body><article><p class="stamp">Published March 2, 2026 at 9:15 AM</p>${paragraph.repeat(4)}</article></body></html>`;
    const result = extractHtml(page);
    expect(result.meta.published).toBe('2026-03-02');
    expect(result.text).not.toContain('Published March 2');
    expect(result.removed).toContainEqual({ text: 'Published March 2, 2026 at 9:15 AM', reason: 'dateline' });
  });
});
