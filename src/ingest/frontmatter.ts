/**
 * Text and Markdown articles may start with a front-matter block (`---` lines around `key: value`
 * pairs, as static-site generators write them) carrying the metadata a plain file cannot.
 */
import type { ArticleMeta } from '../model/index.ts';

const KEYS: Record<string, keyof ArticleMeta> = {
  title: 'title',
  headline: 'title',
  outlet: 'outlet',
  source: 'outlet',
  publisher: 'outlet',
  byline: 'byline',
  author: 'byline',
  published: 'published',
  date: 'published',
  modified: 'modified',
  language: 'language',
  lang: 'language',
  url: 'url',
};

export function splitFrontMatter(text: string): { meta: ArticleMeta; body: string } {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: ArticleMeta = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    const key = kv && KEYS[kv[1]!.toLowerCase()];
    if (key && kv[2]) meta[key] = kv[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return { meta, body: text.slice(m[0].length) };
}
