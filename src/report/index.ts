/** Rendering an analysis: JSON (the contract), terminal text, Markdown, and a self-contained HTML page. */

export { escapeHtml, markedText } from '../ui/index.ts';
export { renderHtml } from './html.ts';
export { articleJson, REPORT_VERSION, type ReportJson, reportJson } from './json.ts';
export { renderMarkdown } from './markdown.ts';
export { validateReportSchema } from './schema.ts';
export { jsonDocument, jsonPieces } from './stream.ts';
export { renderText } from './text.ts';
