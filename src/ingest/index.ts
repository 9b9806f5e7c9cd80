/** Inputs to raw documents: local files, directories, JSON Lines (plain or gzipped) and stdin. */
export { decodeBytes, InputError, looksBinary } from './decode.ts';
export { splitFrontMatter } from './frontmatter.ts';
export type { InputProblem, RawDocument, ReadOptions } from './read.ts';
export { documentFromRecord, readInputs } from './read.ts';
