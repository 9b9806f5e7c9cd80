/**
 * Documents the database keeps whole and never queries inside, written compressed.
 *
 * A story's findings as the database keeps them. The findings of a story run to some twenty kilobytes of
 * JSON per article (every quote, figure and date with the spans it cites), most of it repeated outlet
 * names, span texts and keys, and writing that much text through the embedded database cost more than
 * building it: compressed (gzip at its fastest level, as base64 text, which both databases take as plain
 * text) it is an eighth of the size, and is written and read back several times faster. Encoding is pure
 * and runs where the story was built, in a worker thread when there is one.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Article, Story } from '../model/index.ts';

/** What the stories table keeps of a story: the columns it lists and searches by, and the whole body. */
export interface EncodedStory {
  id: string;
  title: string;
  keywords: string[];
  conflicts: number;
  body: string;
}

export function encodeStory(story: Story): EncodedStory {
  return {
    id: story.id,
    title: story.title,
    keywords: story.keywords,
    conflicts: story.facts.filter((f) => f.status === 'conflict').length,
    body: gzipSync(JSON.stringify(story), { level: 1 }).toString('base64'),
  };
}

export function decodeStory(body: string): Story {
  return JSON.parse(gunzipSync(Buffer.from(body, 'base64')).toString('utf8')) as Story;
}

export function isEncoded(story: Story | EncodedStory): story is EncodedStory {
  return typeof (story as EncodedStory).body === 'string';
}

/**
 * An article's annotation layers and removed text, as the articles table keeps them. They are three
 * times the size of the article's text (every token, sentence, entity and quote as spans), and writing
 * them as JSON through the embedded database, which compressed them again on its way to disk, cost more
 * than the rest of the row. Gzipped where the article was prepared (a worker thread when there is one),
 * they are a third of the size and the database stores them as they are (base64 text, as a story's
 * findings: both databases send bytes back as hexadecimal text, slower to read than base64).
 */
export type ArticleLayers = Pick<Article, 'annotations' | 'removed'>;

export function encodeLayers(article: ArticleLayers): string {
  const json = JSON.stringify({ annotations: article.annotations, removed: article.removed });
  return gzipSync(json, { level: 1 }).toString('base64');
}

export function decodeLayers(body: string): ArticleLayers {
  return JSON.parse(gunzipSync(Buffer.from(body, 'base64')).toString('utf8')) as ArticleLayers;
}

/**
 * An article as the database keeps it, its layers still encoded: what a story rebuild hands a worker
 * thread, which decodes them itself. Decoding on the thread that reads the database and then copying the
 * decoded layers across (a structured clone of every span) cost that thread twice what decoding costs,
 * while a string crosses at the price of a copy.
 */
export type PackedArticle = Omit<Article, 'annotations' | 'removed'> & { layers: string };

export function packArticle(article: Article): PackedArticle {
  const { annotations: _annotations, removed: _removed, ...rest } = article;
  return { ...rest, layers: encodeLayers(article) };
}

/** The article whole again; an article that was never packed is returned as it is. */
export function unpackArticle(article: Article | PackedArticle): Article {
  if (!('layers' in article)) return article;
  const { layers, ...rest } = article;
  return { ...rest, ...decodeLayers(layers) };
}
