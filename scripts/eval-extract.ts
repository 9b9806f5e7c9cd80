/**
 * `npm run eval:extract`: main-content extraction on the Scrapinghub article-extraction benchmark with
 * its official metric (4-word shingles, per-page P and R averaged, F1 of the averages), checked first on
 * the published tools' outputs, then our extractor against Readability on linkedom, both timed in the
 * same run on one thread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { fmt, row, sharedDataDir, sharedFile } from '../src/eval/shared.ts';
import { extractHtml } from '../src/extract/index.ts';

const truthPath = sharedFile('extraction/scrapinghub-aeb/ground-truth.json');
if (!truthPath) process.exit(0);
const base = join(sharedDataDir()!, 'extraction', 'scrapinghub-aeb');
const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<
  string,
  { articleBody: string; url: string }
>;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  if (tokens.length < n) {
    out.set(tokens.join(' '), 1);
    return out;
  }
  for (let i = 0; i + n <= tokens.length; i++) {
    const k = tokens.slice(i, i + n).join(' ');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export function score(predictions: Record<string, string>, n = 4) {
  let pSum = 0;
  let rSum = 0;
  let pN = 0;
  let rN = 0;
  let exact = 0;
  const ids = Object.keys(truth);
  for (const id of ids) {
    const gold = shingles(truth[id]!.articleBody, n);
    const pred = shingles(predictions[id] ?? '', n);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [k, c] of pred) {
      const g = gold.get(k) ?? 0;
      tp += Math.min(c, g);
      fp += Math.max(0, c - g);
    }
    for (const [k, c] of gold) fn += Math.max(0, c - (pred.get(k) ?? 0));
    const total = tp + fp + fn;
    if (total > 0) {
      const t = tp / total;
      const f = fp / total;
      const m = fn / total;
      if (t + f > 0) {
        pSum += t / (t + f);
        pN++;
      } else if (m === 0) {
        pSum += 1;
        pN++;
      }
      if (t + m > 0) {
        rSum += t / (t + m);
        rN++;
      } else if (f === 0) {
        rSum += 1;
        rN++;
      }
    }
    const tokens = (s: string) => (s.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ');
    if (tokens(predictions[id] ?? '') === tokens(truth[id]!.articleBody)) exact++;
  }
  const p = pSum / pN;
  const r = rSum / rN;
  return { precision: p, recall: r, f1: (2 * p * r) / (p + r), accuracy: exact / ids.length };
}

// The metric, checked against the published figures.
for (const [tool, published] of [
  ['trafilatura', 0.958],
  ['readability_js', 0.947],
] as const) {
  const raw = JSON.parse(
    gunzipSync(readFileSync(join(base, 'reference-outputs', `${tool}.json.gz`))).toString('utf8'),
  );
  const outputs = (raw.output ?? raw) as Record<string, { articleBody: string }>;
  const s = score(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v.articleBody ?? ''])));
  console.log(row(`metric check: ${tool}`, fmt(s.f1), `published ${published}`));
}

const pages = readdirSync(join(base, 'html'))
  .filter((f) => f.endsWith('.html.gz'))
  .map((f) => ({
    id: f.replace('.html.gz', ''),
    html: gunzipSync(readFileSync(join(base, 'html', f))).toString('utf8'),
  }));

function run(name: string, extract: (html: string, url: string) => string) {
  const predictions: Record<string, string> = {};
  const started = performance.now();
  for (const p of pages) predictions[p.id] = extract(p.html, truth[p.id]?.url ?? '');
  const seconds = (performance.now() - started) / 1000;
  const s = score(predictions);
  return { name, ...s, pagesPerSecond: pages.length / seconds };
}

const ours = run('corroborate', (html, url) => extractHtml(html, { url }).text);
const oursOnReadability = run(
  'corroborate, Readability engine',
  (html, url) => extractHtml(html, { url, engine: 'readability' }).text,
);
const baseline = run('Readability on linkedom', (html) => {
  const { document } = parseHTML(html);
  return new Readability(document as never).parse()?.textContent ?? '';
});
console.log(`\nScrapinghub article-extraction benchmark: ${pages.length} pages`);
for (const r of [ours, oursOnReadability, baseline])
  console.log(
    row(
      r.name,
      `F1 ${fmt(r.f1)} P ${fmt(r.precision)} R ${fmt(r.recall)} acc ${fmt(r.accuracy)}  ${r.pagesPerSecond.toFixed(0)} pages/s`,
    ),
  );
console.log(row('targets', 'F1 >= 0.960 (trafilatura 0.958, best published 0.970); speed >= 4x Readability'));
console.log(
  row(
    'speed ratio ours / Readability (same run)',
    `${(ours.pagesPerSecond / baseline.pagesPerSecond).toFixed(2)}x`,
  ),
);
