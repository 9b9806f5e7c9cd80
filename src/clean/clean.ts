import type { Extraction } from '../extract/types.ts';

// PLACEHOLDER until the cleaner lands.
export function cleanText(raw: string): Extraction {
  return {
    text: raw.trim(),
    blocks: [],
    captions: [],
    meta: {},
    removed: [],
    flags: raw.trim() ? [] : ['empty'],
  };
}
