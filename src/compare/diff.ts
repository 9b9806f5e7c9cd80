/** Word-level differences between two wordings, for quote variants and reused passages. */
import { diffWords } from 'diff';
import type { DiffOp } from '../model/index.ts';
import { isFunctionWord, normalizeWord } from './words.ts';

export function wordDiff(from: string, to: string): DiffOp[] {
  return diffWords(from, to).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
}

/**
 * Words of substance an edit brings in that the original wording does not have. Function words,
 * punctuation and the spelling of numbers ("30" for "thirty") are not substance, and neither is a
 * trimmed quote: leaving words out is how outlets shorten quotes, putting new ones in is how they change them.
 */
export function insertedSubstance(ops: DiffOp[]): string[] {
  const words = (op: DiffOp['op'] | 'kept') =>
    ops
      .filter((o) => (op === 'kept' ? o.op !== 'insert' : o.op === op))
      .flatMap((o) => o.text.match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((w) => !isFunctionWord(w))
      .map(normalizeWord);
  const original = new Set(words('kept'));
  return words('insert').filter((w) => !original.has(w));
}
