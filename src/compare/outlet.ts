import type { Article } from '../model/index.ts';

/** How findings name an article's publisher: its outlet, else its id. */
export function outletOf(article: Article): string {
  return article.meta.outlet ?? article.id;
}
