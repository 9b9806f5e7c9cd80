import type { Article, Entity } from '../model/index.ts';

// PLACEHOLDER until the entities work lands.
export function findEntities(_article: Article): Entity[] {
  return [];
}
