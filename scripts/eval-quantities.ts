/**
 * `npm run eval:quantities`: quantities and dates on our own fixture sentences (src/nlp/fixtures): span
 * precision and recall (exact text), and among matched spans how often the hedged interval, the unit and
 * the measured word are right; for dates, span precision/recall and the resolved date's accuracy. The
 * fixtures are ours, so this runs without ../shared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, prf, row } from '../src/eval/shared.ts';
import { createArticle } from '../src/model/index.ts';
import { findDates, findQuantities, segment } from '../src/nlp/index.ts';

interface GoldQuantity {
  text: string;
  low: number;
  high: number;
  unit: string;
  measure?: string;
}
interface Fixture {
  text: string;
  published?: string;
  quantities: GoldQuantity[];
  dates: { text: string; date: string | null }[];
}

const fixtures = readFileSync(
  join(import.meta.dirname, '..', 'src', 'nlp', 'fixtures', 'quantities.jsonl'),
  'utf8',
)
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Fixture);

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-6, Math.abs(b) * 0.01);
const q = { tp: 0, fp: 0, fn: 0 };
const d = { tp: 0, fp: 0, fn: 0 };
let intervalRight = 0;
let unitRight = 0;
let measureRight = 0;
let measureGold = 0;
let dateRight = 0;
const misses: string[] = [];
for (const f of fixtures) {
  const article = createArticle({
    id: 'f',
    text: f.text,
    meta: f.published ? { published: f.published } : {},
  });
  Object.assign(article.annotations, segment(article));
  const found = findQuantities(article).map((x) => ({ ...x, text: f.text.slice(x.start, x.end) }));
  for (const g of f.quantities) {
    const p = found.find((x) => x.text === g.text);
    if (!p) {
      q.fn++;
      misses.push(`missed quantity "${g.text}" in: ${f.text}`);
      continue;
    }
    q.tp++;
    if (close(p.low, g.low) && close(p.high, g.high)) intervalRight++;
    else misses.push(`interval of "${g.text}": [${p.low}, ${p.high}] for [${g.low}, ${g.high}]`);
    if (p.unit === g.unit) unitRight++;
    else misses.push(`unit of "${g.text}": "${p.unit}" for "${g.unit}"`);
    if (g.measure) {
      measureGold++;
      if (p.measure === g.measure || p.measure.replace(/s$/, '') === g.measure.replace(/s$/, ''))
        measureRight++;
      else misses.push(`measure of "${g.text}": "${p.measure}" for "${g.measure}"`);
    }
  }
  for (const p of found)
    if (!f.quantities.some((g) => g.text === p.text)) {
      q.fp++;
      misses.push(`extra quantity "${p.text}" in: ${f.text}`);
    }
  const dates = findDates(article).map((x) => ({ ...x, text: f.text.slice(x.start, x.end) }));
  for (const g of f.dates) {
    const p = dates.find((x) => x.text === g.text);
    if (!p) {
      d.fn++;
      misses.push(`missed date "${g.text}" in: ${f.text}`);
      continue;
    }
    d.tp++;
    if (p.date === g.date) dateRight++;
    else misses.push(`date of "${g.text}": ${p.date} for ${g.date}`);
  }
  for (const p of dates)
    if (!f.dates.some((g) => g.text === p.text)) {
      d.fp++;
      misses.push(`extra date "${p.text}" in: ${f.text}`);
    }
}
const show = (c: { tp: number; fp: number; fn: number }) => {
  const r = prf(c.tp, c.fp, c.fn);
  return `P ${fmt(r.precision)} R ${fmt(r.recall)} F1 ${fmt(r.f1)}`;
};
console.log(`Quantity and date fixtures: ${fixtures.length} sentences`);
console.log(row('quantity spans (exact text)', show(q)));
console.log(row('  hedged interval right (of matched)', fmt(intervalRight / Math.max(q.tp, 1))));
console.log(row('  unit right (of matched)', fmt(unitRight / Math.max(q.tp, 1))));
console.log(
  row('  measured word right (of matched, where stated)', fmt(measureRight / Math.max(measureGold, 1))),
);
console.log(row('date spans (exact text)', show(d)));
console.log(row('  resolved date right (of matched)', fmt(dateRight / Math.max(d.tp, 1))));
if (process.env.EVAL_VERBOSE) for (const m of misses) console.log(`  - ${m}`);
else if (misses.length) console.log(`  (${misses.length} differences; EVAL_VERBOSE=1 lists them)`);
