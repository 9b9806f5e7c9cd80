/** Who copied whom: duplicates, syndicated and paraphrased copies, reused passages. */
import type { Article, Duplicate, Reuse } from '../model/index.ts';

// PLACEHOLDER until the reuse work lands.
export function detectReuse(_articles: Article[]): { duplicates: Duplicate[]; reuse: Reuse[] } {
  return { duplicates: [], reuse: [] };
}
