/**
 * Evaluations and benchmarks read `../shared/data` beside the repo (or `$CORROBORATE_SHARED`). It is not
 * ours to ship, so nothing in `npm test` needs it, and every eval skips with a clear message without it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function sharedDataDir(): string | null {
  const dir = process.env.CORROBORATE_SHARED
    ? join(process.env.CORROBORATE_SHARED, 'data')
    : join(repoRoot, '..', 'shared', 'data');
  return existsSync(dir) ? dir : null;
}

/** Path of a file under shared/data, or null after printing why the eval is skipped. */
export function sharedFile(relative: string): string | null {
  const dir = sharedDataDir();
  const path = dir ? join(dir, relative) : null;
  if (!path || !existsSync(path)) {
    console.log(
      `SKIP: ${relative} not found (expected under ../shared/data beside the repo, or set CORROBORATE_SHARED).`,
    );
    return null;
  }
  return path;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function fmt(x: number, digits = 3): string {
  return x.toFixed(digits);
}

/** One aligned row: a label, our figure, and the figure the issue names to compare with. */
export function row(label: string, ours: string, target = ''): string {
  return `${label.padEnd(36)} ${ours.padStart(10)}   ${target}`;
}
