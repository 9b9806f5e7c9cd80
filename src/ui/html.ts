/**
 * Safe HTML building: every piece of article content passes through `escapeHtml`, including what goes
 * into attributes, so nothing from an article can open a tag, an attribute or a script.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A link target from article data: only http(s) URLs survive; `javascript:` and the like become `#`. */
export function safeHref(url: string | null | undefined): string {
  if (!url) return '#';
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? escapeHtml(u.href) : '#';
  } catch {
    return '#';
  }
}

export interface Mark {
  start: number;
  end: number;
  cls: string;
  key?: string;
}

/**
 * The text with every mark applied, as escaped HTML. Overlapping marks are cut at every boundary into
 * segments, each carrying the classes of all marks covering it, so the markup is always well nested.
 */
export function markedText(text: string, marks: Mark[]): string {
  const points = new Set<number>([0, text.length]);
  for (const m of marks)
    if (m.end > m.start && m.start >= 0 && m.end <= text.length) points.add(m.start).add(m.end);
  const sorted = [...points].sort((a, b) => a - b);
  const byStart = [...marks].sort((a, b) => a.start - b.start);
  let html = '';
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    const piece = escapeHtml(text.slice(from, to)).replace(/\n/g, '<br>');
    const covering = byStart.filter((m) => m.start <= from && to <= m.end);
    if (!covering.length) {
      html += piece;
      continue;
    }
    const classes = [...new Set(covering.map((m) => m.cls))].join(' ');
    const keys = covering.filter((m) => m.key).map((m) => m.key);
    const anchor = covering.find((m) => m.key && m.start === from);
    html += `<span class="${escapeHtml(classes)}"${keys.length ? ` data-c="${escapeHtml(keys.join(' '))}"` : ''}${anchor ? ` id="c-${escapeHtml(anchor.key!)}"` : ''}>${piece}</span>`;
  }
  return html;
}
