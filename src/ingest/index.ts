/** Inputs to raw documents: local files, directories, JSON Lines (plain or gzipped) and stdin. */
export { decodeBytes, InputError, looksBinary } from './decode.ts';
export { type Feed, type FeedItem, looksLikeFeed, parseFeed } from './feed.ts';
export { type FetchPolicy, type FetchResult, isPublicAddress, safeFetch } from './fetch.ts';
export { splitFrontMatter } from './frontmatter.ts';
export type { InputProblem, RawDocument, ReadOptions } from './read.ts';
export { documentFromRecord, readInputs } from './read.ts';
export { readWarc } from './warc.ts';
export { type FeedCache, readUrl, WebFetcher, type WebOptions } from './web.ts';
