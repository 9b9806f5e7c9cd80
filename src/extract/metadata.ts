/**
 * Page metadata from the places publishers put it, most trustworthy first: JSON-LD (NewsArticle and
 * friends), OpenGraph and article:* meta tags, other meta tags, <time> elements, the URL's path, and
 * finally the page title with its " | Outlet" suffix removed.
 */
import type { ArticleMeta } from '../model/index.ts';

type Doc = {
  querySelectorAll(
    selector: string,
  ): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
  title?: string;
};

function metaContent(doc: Doc, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const el of Array.from(
      doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`),
    )) {
      const v = el.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return undefined;
}

interface JsonLd {
  headline?: string;
  name?: string;
  datePublished?: string;
  dateModified?: string;
  author?: unknown;
  publisher?: unknown;
  inLanguage?: string;
  '@type'?: string | string[];
  '@graph'?: JsonLd[];
}

function jsonLdArticles(doc: Doc): JsonLd[] {
  const out: JsonLd[] = [];
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data = JSON.parse(el.textContent ?? '');
      const items: JsonLd[] = (Array.isArray(data) ? data : [data]).flatMap((d: JsonLd) =>
        d?.['@graph'] ? d['@graph'] : [d],
      );
      for (const item of items) {
        const types = [item?.['@type'] ?? []].flat().join(' ');
        if (/Article|BlogPosting|Report|NewsArticle/i.test(types)) out.push(item);
      }
    } catch {
      // Broken JSON-LD is common; the other sources still apply.
    }
  }
  return out;
}

function names(value: unknown): string[] {
  if (!value) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string')
    return [(value as { name: string }).name];
  return [];
}

export function isoDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value.trim());
  if (Number.isNaN(t)) return undefined;
  const year = new Date(t).getUTCFullYear();
  if (year < 1990 || year > 2100) return undefined;
  return /T\d/.test(value) ? new Date(t).toISOString() : new Date(t).toISOString().slice(0, 10);
}

function dateFromUrl(url: string | undefined): string | undefined {
  const m = url && /\/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|$)/.exec(url);
  if (!m) return undefined;
  return isoDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
}

/** "Headline | Outlet", "Headline - Outlet", "Outlet: Headline" → "Headline". */
export function stripOutletSuffix(title: string, outlet?: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const parts = t.split(/\s+[|\u2013\u2014\u00b7\u2022-]\s+/);
  if (parts.length < 2) return t;
  if (outlet) {
    const o = outlet.toLowerCase();
    const kept = parts.filter((p) => p.toLowerCase() !== o && !o.includes(p.toLowerCase()));
    if (kept.length && kept.length < parts.length) return kept.join(' - ');
  }
  // Without a known outlet, the longest part is the headline when the rest are short site names.
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  return parts.every((p) => p === longest || p.length <= 40) ? longest : t;
}

export function cleanByline(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw
    .replace(/\b(email|e-mail|follow|contact) (the )?(author|me|us)\b.*$/i, '')
    .replace(/\b(updated|published|posted)\b.*$/i, '')
    .replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}.*$/i, '')
    .replace(/\d{1,2}:\d{2}.*$/, '')
    .replace(/^\s*by\s+/i, '')
    .replace(/[\s\u00b7|,;-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text && text.length <= 120 ? text : undefined;
}

export function readMetadata(doc: Doc, url: string | undefined): ArticleMeta {
  const ld = jsonLdArticles(doc)[0];
  const ldPublisher = names(ld?.publisher)[0];
  let outlet = ldPublisher ?? metaContent(doc, 'og:site_name', 'application-name', 'publisher');
  if (!outlet && url) {
    try {
      outlet = new URL(url).hostname.replace(/^www\./, '');
    } catch {}
  }
  const timeEl = Array.from(doc.querySelectorAll('time[datetime]'))[0]?.getAttribute('datetime');
  const published =
    isoDate(ld?.datePublished) ??
    isoDate(
      metaContent(
        doc,
        'article:published_time',
        'og:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'DC.date.issued',
        'dc.date',
        'sailthru.date',
        'parsely-pub-date',
      ),
    ) ??
    isoDate(timeEl) ??
    dateFromUrl(url);
  const modified =
    isoDate(ld?.dateModified) ??
    isoDate(metaContent(doc, 'article:modified_time', 'og:updated_time', 'dateModified', 'last-modified'));
  const rawTitle = ld?.headline ?? metaContent(doc, 'og:title', 'twitter:title') ?? doc.title ?? '';
  const canonical =
    Array.from(doc.querySelectorAll('link[rel="canonical"]'))[0]?.getAttribute('href') ??
    metaContent(doc, 'og:url');
  const language =
    Array.from(doc.querySelectorAll('html[lang]'))[0]
      ?.getAttribute('lang')
      ?.split(/[-_]/)[0]
      ?.toLowerCase() ?? metaContent(doc, 'og:locale', 'language')?.split(/[-_]/)[0]?.toLowerCase();
  const meta: ArticleMeta = {};
  if (rawTitle.trim()) meta.title = stripOutletSuffix(rawTitle, outlet);
  if (outlet) meta.outlet = outlet.trim();
  const byline = cleanByline(
    names(ld?.author).join(', ') ||
      metaContent(doc, 'author', 'article:author', 'byl', 'parsely-author', 'sailthru.author'),
  );
  if (byline && !/^https?:/.test(byline)) meta.byline = byline;
  if (published) meta.published = published;
  if (modified) meta.modified = modified;
  if (language && /^[a-z]{2,3}$/.test(language)) meta.language = language;
  if (canonical && /^https?:\/\//.test(canonical)) meta.canonicalUrl = canonical;
  if (url) meta.url = url;
  return meta;
}
