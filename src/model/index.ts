export * from './article.ts';
export * from './span.ts';
export * from './story.ts';
export * from './validate.ts';
