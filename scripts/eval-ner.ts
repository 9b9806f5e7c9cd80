/**
 * `npm run eval:ner`: typed PER/ORG/LOC entity F1 on CoNLL-2003 dev (conllpp_dev.txt), exact spans,
 * conlleval-style micro averages. Each document is rebuilt as text (tokens joined by spaces, one sentence
 * per line) and run through our own sentence and entity layers.
 */
import { readFileSync } from 'node:fs';
import { fmt, prf, row, sharedFile } from '../src/eval/shared.ts';
import { createArticle, type EntityType } from '../src/model/index.ts';
import { findEntities, segment } from '../src/nlp/index.ts';
import { resolutionEval } from './eval-resolve.ts';

const path = sharedFile('ner/conllpp_dev.txt');
if (!path) {
  // Resolution runs on our own fixtures, with or without the shared data.
  resolutionEval();
  process.exit(0);
}

type Gold = { start: number; end: number; type: string };
const docs: { text: string; gold: Gold[] }[] = [];
let text = '';
let gold: Gold[] = [];
let open = null as Gold | null;
let lineStart = true;
const flush = () => {
  if (open) gold.push(open);
  open = null;
};
for (const line of readFileSync(path, 'utf8').split('\n')) {
  if (line.startsWith('-DOCSTART-')) {
    flush();
    if (text.trim()) docs.push({ text, gold });
    text = '';
    gold = [];
    lineStart = true;
    continue;
  }
  if (!line.trim()) {
    flush();
    if (!lineStart) text += '\n';
    lineStart = true;
    continue;
  }
  const [token, , , tag] = line.split(' ');
  if (!lineStart) text += ' ';
  const start = text.length;
  text += token;
  lineStart = false;
  const type = tag!.slice(2);
  if (tag!.startsWith('B-') || (tag!.startsWith('I-') && open?.type !== type)) {
    flush();
    open = { start, end: text.length, type };
  } else if (tag!.startsWith('I-') && open) open.end = text.length;
  else flush();
}
flush();
if (text.trim()) docs.push({ text, gold });

const TYPE: Record<EntityType, string | null> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
  other: null,
};
const counts: Record<string, { tp: number; fp: number; fn: number }> = {
  PER: { tp: 0, fp: 0, fn: 0 },
  ORG: { tp: 0, fp: 0, fn: 0 },
  LOC: { tp: 0, fp: 0, fn: 0 },
};
const untyped = { tp: 0, fp: 0, fn: 0 };
// NER_ERRORS=1: the most frequent error classes per type, with examples (NER_ERRORS=30 shows 30 each).
const showErrors = Number(process.env.NER_ERRORS ?? 0) > 0 ? Math.max(8, Number(process.env.NER_ERRORS)) : 0;
const errors = new Map<string, Map<string, number>>();
const noteError = (cls: string, example: string) => {
  const m = errors.get(cls) ?? new Map<string, number>();
  errors.set(cls, m);
  m.set(example, (m.get(example) ?? 0) + 1);
};
let overlapHits = 0;
let words = 0;
// Load the gazetteer and name lists (a one-time cost of a few hundred ms) before the clock starts.
findEntities(createArticle({ id: 'warm-up', text: 'Amara Okafor arrived in Geneva.' }));
const started = performance.now();
for (const doc of docs) {
  const article = createArticle({ id: 'd', text: doc.text });
  Object.assign(article.annotations, segment(article));
  words += doc.text.split(/\s+/).length;
  const found = findEntities(article);
  const predicted = found.flatMap((e) =>
    TYPE[e.type] ? e.mentions.map((m) => ({ ...m, type: TYPE[e.type]! })) : [],
  );
  if (showErrors) {
    const all = found.flatMap((e) => e.mentions.map((m) => ({ ...m, type: TYPE[e.type] ?? 'other' })));
    classifyErrors(doc.text, doc.gold, all);
  }
  const goldScored = doc.gold.filter((g) => g.type !== 'MISC');
  const key = (x: Gold) => `${x.start}:${x.end}`;
  const goldTyped = new Set(goldScored.map((g) => `${key(g)}:${g.type}`));
  const goldSpans = new Set(goldScored.map(key));
  const predTyped = new Set(predicted.map((p) => `${key(p)}:${p.type}`));
  for (const p of predTyped) {
    const type = p.split(':')[2]!;
    if (goldTyped.has(p)) counts[type]!.tp++;
    else counts[type]!.fp++;
  }
  for (const g of goldScored) if (!predTyped.has(`${key(g)}:${g.type}`)) counts[g.type]!.fn++;
  const predSpans = new Set(predicted.map(key));
  for (const p of predSpans) goldSpans.has(p) ? untyped.tp++ : untyped.fp++;
  for (const g of goldSpans) if (!predSpans.has(g)) untyped.fn++;
  for (const g of goldScored)
    if (predicted.some((p) => p.type === g.type && p.start < g.end && g.start < p.end)) overlapHits++;
}
const ms = performance.now() - started;

function classifyErrors(text: string, gold: Gold[], pred: Gold[]) {
  const at = (x: Gold) => `${text.slice(x.start, x.end)}`;
  const context = (x: Gold) =>
    `${text.slice(Math.max(0, x.start - 25), x.start).replace(/\n/g, ' | ')}[${at(x)}]${text
      .slice(x.end, x.end + 25)
      .replace(/\n/g, ' | ')}`;
  const overlaps = (a: Gold, b: Gold) => a.start < b.end && b.start < a.end;
  for (const g of gold) {
    if (g.type === 'MISC') continue;
    if (pred.some((p) => p.start === g.start && p.end === g.end && p.type === g.type)) continue;
    const same = pred.find((p) => p.start === g.start && p.end === g.end);
    if (same) {
      noteError(`${g.type} typed ${same.type}`, at(g));
      continue;
    }
    const over = pred.filter((p) => overlaps(p, g));
    if (over.length) {
      const shown = over.map((p) => `${at(p)}/${p.type}`).join(' + ');
      noteError(
        `${g.type} boundary (${over.some((p) => p.type === g.type) ? 'same type' : 'other type'})`,
        `${at(g)} -> ${shown}`,
      );
      continue;
    }
    noteError(`${g.type} missed`, context(g));
  }
  for (const p of pred) {
    if (p.type === 'other') continue;
    if (gold.some((g) => g.start === p.start && g.end === p.end)) {
      const g = gold.find((x) => x.start === p.start && x.end === p.end)!;
      if (g.type === 'MISC') noteError(`${p.type} spurious: gold MISC`, at(p));
      continue;
    }
    if (gold.some((g) => overlaps(p, g))) continue;
    noteError(`${p.type} spurious`, context(p));
  }
}
const total = Object.values(counts).reduce(
  (a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }),
  { tp: 0, fp: 0, fn: 0 },
);
const show = (c: { tp: number; fp: number; fn: number }) => {
  const r = prf(c.tp, c.fp, c.fn);
  return `P ${fmt(r.precision)} R ${fmt(r.recall)} F1 ${fmt(r.f1)}`;
};
const goldCount = total.tp + total.fn;
console.log(`CoNLL-2003 dev: ${docs.length} documents, ${goldCount} PER/ORG/LOC entities`);
for (const t of ['PER', 'ORG', 'LOC']) console.log(row(`  ${t} (exact span and type)`, show(counts[t]!)));
console.log(
  row(
    'typed PER/ORG/LOC micro (exact)',
    show(total),
    'target F1 >= 0.85 (compromise 0.48; spaCy sm ~0.85-0.89)',
  ),
);
console.log(row('untyped mention detection (exact)', show(untyped)));
console.log(row('typed recall with overlapping spans', fmt(overlapHits / goldCount)));
console.log(
  row(
    'speed (words/s, entity layer)',
    `${Math.round(words / (ms / 1000))}`,
    `= ${Math.round(words / 700 / (ms / 1000))} articles of 700 words/s`,
  ),
);
if (showErrors) {
  const classes = [...errors].map(([cls, ex]) => ({
    cls,
    n: [...ex.values()].reduce((a, b) => a + b, 0),
    ex: [...ex].sort((a, b) => b[1] - a[1]),
  }));
  classes.sort((a, b) => b.n - a.n);
  console.log('\nerror classes (most frequent first):');
  for (const c of classes) {
    console.log(`\n${c.cls}: ${c.n}`);
    for (const [example, n] of c.ex.slice(0, showErrors)) console.log(`  ${n > 1 ? `${n}x ` : ''}${example}`);
  }
}
resolutionEval();
