/** Small inline SVG charts: the story's timeline and its copy lineage. No script, no network. */
import type { TimelineEntry } from '../model/index.ts';
import { escapeHtml } from './html.ts';

const DAY = 86_400_000;

/** Dated entries on a time axis; undated entries are listed by the caller, not plotted. */
export function timelineChart(entries: TimelineEntry[]): string {
  const dated = entries.filter((e) => e.date && !Number.isNaN(Date.parse(e.date)));
  if (dated.length === 0) return '';
  const times = dated.map((e) => Date.parse(e.date!));
  const min = Math.min(...times);
  const max = Math.max(...times, min + DAY);
  const width = 720;
  const rowHeight = 22;
  const height = 40 + dated.length * rowHeight;
  const x = (t: number) => 20 + ((t - min) / (max - min)) * (width - 40);
  const rows = dated
    .map((e, i) => {
      const cx = x(Date.parse(e.date!));
      const y = 30 + i * rowHeight;
      const label = `${e.date!.slice(0, 10)} ${e.text.length > 70 ? `${e.text.slice(0, 70)}\u2026` : e.text}`;
      const anchor = cx > width / 2 ? 'end' : 'start';
      const tx = anchor === 'end' ? cx - 8 : cx + 8;
      return `<circle cx="${cx.toFixed(1)}" cy="${y}" r="5" fill="#1f5fa8"><title>${escapeHtml(label)}</title></circle><text x="${tx.toFixed(1)}" y="${y + 4}" text-anchor="${anchor}">${escapeHtml(label)}</text>`;
    })
    .join('');
  return `<svg class="timeline-chart" role="img" aria-label="Timeline of ${dated.length} dated events" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px"><line x1="20" y1="14" x2="${width - 20}" y2="14" stroke="#999"/><text x="20" y="10">${escapeHtml(new Date(min).toISOString().slice(0, 10))}</text><text x="${width - 20}" y="10" text-anchor="end">${escapeHtml(new Date(max).toISOString().slice(0, 10))}</text>${rows}</svg>`;
}

export interface LineageEdge {
  original: string;
  copy: string;
  originalLabel: string;
  copyLabel: string;
  kind: string;
  similarity: number;
}

/** Originals on the left, their copies on the right, an arrow per copy labelled with its kind. */
export function lineageGraph(edges: LineageEdge[]): string {
  if (edges.length === 0) return '';
  const originals = [...new Map(edges.map((e) => [e.original, e.originalLabel])).entries()];
  const copies = [...new Map(edges.map((e) => [e.copy, e.copyLabel])).entries()];
  const rowHeight = 44;
  const height = 20 + Math.max(originals.length, copies.length) * rowHeight;
  const width = 720;
  const yOf = (list: [string, string][], id: string) => 30 + list.findIndex(([k]) => k === id) * rowHeight;
  const box = (x: number, y: number, label: string, id: string) =>
    `<g><rect x="${x}" y="${y - 15}" width="220" height="28" rx="5" fill="#fff" stroke="#1f5fa8"/><text x="${x + 10}" y="${y + 4}">${escapeHtml(label.length > 30 ? `${label.slice(0, 30)}\u2026` : label)}</text><title>${escapeHtml(id)}</title></g>`;
  const arrows = edges
    .map((e) => {
      const y1 = yOf(originals, e.original);
      const y2 = yOf(copies, e.copy);
      return `<line x1="240" y1="${y1}" x2="${width - 232}" y2="${y2}" stroke="#888" marker-end="url(#arrow)"/><text x="${width / 2}" y="${(y1 + y2) / 2 - 4}" text-anchor="middle">${escapeHtml(`${e.kind} ${e.similarity.toFixed(2)}`)}</text>`;
    })
    .join('');
  return `<svg class="lineage" role="img" aria-label="Copy lineage: ${edges.length} copies" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>${arrows}${originals.map(([id, label]) => box(20, yOf(originals, id), label, id)).join('')}${copies.map(([id, label]) => box(width - 230, yOf(copies, id), label, id)).join('')}</svg>`;
}
