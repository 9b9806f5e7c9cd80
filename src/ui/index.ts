/** The newsroom UI's views, shared by the server and the static HTML report. */
export { articleBody } from './article.ts';
export { CSS, SCRIPT } from './assets.ts';
export { escapeHtml, markedText, safeHref } from './html.ts';
export { page } from './layout.ts';
export { storyListBody } from './list.ts';
export { mountUi } from './routes.ts';
export { storyBody } from './story.ts';
