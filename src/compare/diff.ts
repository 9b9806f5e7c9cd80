/** Word-level differences between two wordings, for quote variants and reused passages. */
import { diffWords } from 'diff';
import type { DiffOp } from '../model/index.ts';

export function wordDiff(from: string, to: string): DiffOp[] {
  return diffWords(from, to).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
}

const FUNCTION_WORDS = new Set(
  'a an the and or but of to in on at for with by from as is are was were be been that this it its we our they their he she his her i you not no'.split(
    ' ',
  ),
);

/** Words that an edit adds or removes, ignoring function words and punctuation: what changes meaning. */
export function substantiveChanges(ops: DiffOp[]): string[] {
  return ops
    .filter((op) => op.op !== 'equal')
    .flatMap((op) => op.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !FUNCTION_WORDS.has(w));
}
