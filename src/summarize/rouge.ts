/**
 * ROUGE-1/2/L/Lsum with the conventions of Google's rouge-score: lower-case, every character outside
 * [a-z0-9] a separator, Porter stemming of tokens longer than three characters, stop words kept; F1 of
 * clipped n-gram overlap, LCS over the whole text for ROUGE-L, and the union-LCS over newline-separated
 * sentences for ROUGE-Lsum.
 */
import { porterStem } from './porter.ts';

export interface RougeScore {
  p: number;
  r: number;
  f: number;
}

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((t) => (t.length > 3 ? porterStem(t) : t));
}

function score(overlap: number, predicted: number, reference: number): RougeScore {
  const p = predicted ? overlap / predicted : 0;
  const r = reference ? overlap / reference : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export function rougeN(reference: string[], predicted: string[], n: number): RougeScore {
  const ref = ngrams(reference, n);
  const pred = ngrams(predicted, n);
  let overlap = 0;
  for (const [k, c] of pred) overlap += Math.min(c, ref.get(k) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return score(overlap, total(pred), total(ref));
}

function lcsTable(a: string[], b: string[]): Uint32Array[] {
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      table[i]![j] =
        a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
  return table;
}

export function rougeL(reference: string[], predicted: string[]): RougeScore {
  const table = lcsTable(reference, predicted);
  return score(table[reference.length]![predicted.length]!, predicted.length, reference.length);
}

/** Indexes of `r` tokens on one LCS path with `c`. */
function lcsIndexes(r: string[], c: string[]): number[] {
  const table = lcsTable(r, c);
  const out: number[] = [];
  let i = r.length;
  let j = c.length;
  while (i > 0 && j > 0) {
    if (r[i - 1] === c[j - 1]) {
      out.unshift(i - 1);
      i--;
      j--;
    } else if (table[i - 1]![j]! >= table[i]![j - 1]!) i--;
    else j--;
  }
  return out;
}

export function rougeLsum(referenceText: string, predictedText: string): RougeScore {
  const refSents = referenceText
    .split('\n')
    .map(rougeTokens)
    .filter((s) => s.length);
  const predSents = predictedText
    .split('\n')
    .map(rougeTokens)
    .filter((s) => s.length);
  const refCount = new Map<string, number>();
  const predCount = new Map<string, number>();
  for (const s of refSents) for (const t of s) refCount.set(t, (refCount.get(t) ?? 0) + 1);
  for (const s of predSents) for (const t of s) predCount.set(t, (predCount.get(t) ?? 0) + 1);
  let hits = 0;
  for (const r of refSents) {
    const union = new Set<number>();
    for (const c of predSents) for (const i of lcsIndexes(r, c)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const t = r[i]!;
      if ((refCount.get(t) ?? 0) > 0 && (predCount.get(t) ?? 0) > 0) {
        hits++;
        refCount.set(t, refCount.get(t)! - 1);
        predCount.set(t, predCount.get(t)! - 1);
      }
    }
  }
  const refLen = refSents.reduce((n, s) => n + s.length, 0);
  const predLen = predSents.reduce((n, s) => n + s.length, 0);
  return score(hits, predLen, refLen);
}

export function rouge(reference: string, predicted: string) {
  const ref = rougeTokens(reference);
  const pred = rougeTokens(predicted);
  return {
    rouge1: rougeN(ref, pred, 1),
    rouge2: rougeN(ref, pred, 2),
    rougeL: rougeL(ref, pred),
    rougeLsum: rougeLsum(reference, predicted),
  };
}
