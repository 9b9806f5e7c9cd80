/** Plain-text scrape cleaning: junk lines out (kept in `removed`), article sentences all kept. */
export { cleanText } from './clean.ts';
