/** The page frame shared by every view: assets inlined (static report) or linked (server). */
import { CSS, SCRIPT } from './assets.ts';
import { escapeHtml } from './html.ts';

export type Assets = 'inline' | 'linked';

export function page(title: string, body: string, assets: Assets, nav = true): string {
  const head =
    assets === 'inline'
      ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"><style>${CSS}</style>`
      : '<link rel="stylesheet" href="/ui/app.css">';
  const script =
    assets === 'inline' ? `<script>${SCRIPT}</script>` : '<script src="/ui/app.js" defer></script>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} \u2014 Corroborate</title>${head}</head>
<body><a class="skip" href="#main">Skip to content</a>
${nav ? '<header class="top"><a href="/">Corroborate</a><span>stories across outlets</span></header>' : ''}
<main id="main">${body}</main>${script}</body></html>
`;
}
