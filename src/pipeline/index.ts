/** From inputs to findings: per-article preparation and the cross-article analysis. */
export type { Analysis, AnalyzeOptions, LoadOptions } from './analyze.ts';
export { analyze, analyzeArticles, buildStory, loadArticles } from './analyze.ts';
export { detectLanguage } from './language.ts';
export { defaultPoolSize, WorkerPool } from './pool.ts';
export type { PrepareOptions } from './prepare.ts';
export { annotateLanguage, extractDocument, outletFromUrl, prepareArticle } from './prepare.ts';
