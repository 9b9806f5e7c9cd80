/**
 * Language layers over one Article: sentences, entities, quotes, quantities, dates. Each function reads
 * the article (and the layers before it) and returns a new layer; the pipeline stores it.
 */
export { findDates } from './dates.ts';
export { findEntities, linkStoryEntities } from './entities.ts';
export { findQuantities } from './quantities.ts';
export { findQuotes } from './quotes.ts';
export { segment } from './segment.ts';
