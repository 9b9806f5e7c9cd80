/** Persistence: the embedded database by default, PostgreSQL on request, one schema for both. */

export { Corpus, type CorpusEngine, contentHash, type EngineFactory, type IngestResult } from './corpus.ts';
export { MIGRATIONS, migrate } from './migrations.ts';
export { openEmbedded, openPostgres, type SqlClient } from './sql.ts';
export { defaultDbLocation, type ListStoriesOptions, Store, type StorySummaryRow } from './store.ts';
