/** Persistence: the embedded database by default, PostgreSQL on request, one schema for both. */

export { BulkIngest } from './bulk.ts';
export {
  Corpus,
  type CorpusEngine,
  contentHash,
  type EngineFactory,
  type IngestResult,
  REBUILD_EVERY_MS,
} from './corpus.ts';
export { MIGRATIONS, migrate } from './migrations.ts';
export { enqueueDocuments, PREPARE_QUEUE, runWorker, startBoss, type WorkerOptions } from './queue.ts';
export { openEmbedded, openPostgres, type SqlClient } from './sql.ts';
export { defaultDbLocation, type ListStoriesOptions, Store, type StorySummaryRow } from './store.ts';
