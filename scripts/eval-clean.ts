/**
 * `npm run eval:clean`: junk-line removal on the cleaner fixtures (src/clean/fixtures): precision and
 * recall of removed lines, per reason, and the share of article lines kept (target: all of them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../src/clean/index.ts';
import { fmt, prf, row } from '../src/eval/shared.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'clean', 'fixtures');
let tp = 0;
let fp = 0;
let fn = 0;
let articleLines = 0;
let kept = 0;
const lost: string[] = [];
const missed: string[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const lines = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const gold = lines.map((l) => {
    const m = /^\[\[junk:([\w-]+)\]\] (.*)$/.exec(l);
    return m ? { text: m[2]!, junk: m[1]! } : { text: l, junk: null };
  });
  const result = cleanText(gold.map((g) => g.text).join('\n'));
  const keptCount = new Map<string, number>();
  for (const l of result.text.split('\n')) keptCount.set(l, (keptCount.get(l) ?? 0) + 1);
  for (const g of gold) {
    const isKept = (keptCount.get(g.text) ?? 0) > 0;
    if (isKept) keptCount.set(g.text, keptCount.get(g.text)! - 1);
    if (g.junk && !isKept) tp++;
    else if (g.junk && isKept) {
      fn++;
      missed.push(`${file}: [${g.junk}] ${g.text}`);
    } else if (!g.junk && !isKept) {
      fp++;
      lost.push(`${file}: ${g.text}`);
    }
    if (!g.junk) {
      articleLines++;
      if (isKept) kept++;
    }
  }
}
const r = prf(tp, fp, fn);
console.log(`Cleaner fixtures: ${readdirSync(dir).filter((f) => f.endsWith('.txt')).length} scrapes`);
console.log(row('junk-line removal precision', fmt(r.precision)));
console.log(row('junk-line removal recall', fmt(r.recall)));
console.log(row('article lines kept', `${fmt((100 * kept) / articleLines, 1)}%`, 'target 100%'));
for (const l of lost) console.log(`  article line lost: ${l}`);
for (const l of missed) console.log(`  junk kept: ${l}`);
