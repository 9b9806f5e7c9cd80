/** The incremental engines behind the stored corpus. */
import type { CorpusEngine } from './corpus.ts';

// PLACEHOLDER until the streaming clusterer and copy index land: each article is its own story.
export function createCorpusEngine(state: unknown | null): CorpusEngine {
  const s = (state as { next: number } | null) ?? { next: 1 };
  return {
    add: (article) => ({ story: `s${s.next++}`, duplicates: [], storyTitle: article.meta.title }),
    takeMerges: () => [],
    toJSON: () => s,
  };
}
