/**
 * The incremental engines behind the stored corpus: the copy index finds what a new article copies, and
 * the story clusterer places it (a copy joins its original's story). Both serialise to one JSON state.
 */
import { type SerializedClusterer, StoryClusterer } from '../cluster/index.ts';
import type { Duplicate } from '../model/index.ts';
import { ReuseIndex } from '../reuse/index.ts';
import type { CorpusEngine } from './corpus.ts';

interface EngineState {
  reuse: ReturnType<ReuseIndex['toJSON']>;
  cluster: SerializedClusterer;
}

const COPY_THRESHOLD = 0.5;

export function createCorpusEngine(state: unknown | null): CorpusEngine {
  const s = state as EngineState | null;
  const reuse = ReuseIndex.fromJSON(s?.reuse ?? null);
  const clusterer = StoryClusterer.fromJSON(s?.cluster ?? null);
  return {
    add(article) {
      const { exactOf, candidates } = reuse.insert(
        ReuseIndex.sketch(article.id, article.text),
        COPY_THRESHOLD,
      );
      const duplicates: Duplicate[] = exactOf
        ? [{ a: exactOf, b: article.id, kind: 'exact', similarity: 1, original: exactOf }]
        : candidates.map((c) => ({
            a: c.id,
            b: article.id,
            kind: c.estimate >= 0.8 ? 'near' : 'syndicated',
            similarity: Math.round(c.estimate * 1000) / 1000,
            original: c.id,
          }));
      const original = duplicates[0]?.original;
      const story = clusterer.add(article, original);
      return {
        story,
        duplicates,
        storyTitle: clusterer.title(story) || article.meta.title,
        keywords: clusterer.keywords(story),
      };
    },
    takeMerges: () => clusterer.takeMerges(),
    toJSON: (): EngineState => ({ reuse: reuse.toJSON(), cluster: clusterer.toJSON() }),
  };
}
