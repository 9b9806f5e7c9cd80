import type { Article, Entity } from '../model/index.ts';

// PLACEHOLDER until the entities work lands.
export function findEntities(_article: Article): Entity[] {
  return [];
}

// PLACEHOLDER until the entity work lands: merges article entities by exact name and type.
export function linkStoryEntities(articles: Article[]): import('../model/index.ts').StoryEntity[] {
  const merged = new Map<string, import('../model/index.ts').StoryEntity>();
  for (const article of articles)
    for (const e of article.annotations.entities) {
      const key = `${e.type}:${e.name.toLowerCase()}`;
      if (!merged.has(key))
        merged.set(key, { id: `E${merged.size + 1}`, name: e.name, type: e.type, aliases: [], mentions: [] });
      merged
        .get(key)!
        .mentions.push(
          ...e.mentions.map((m) => ({ article: article.id, ...m, text: article.text.slice(m.start, m.end) })),
        );
    }
  return [...merged.values()];
}
