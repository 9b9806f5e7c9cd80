/**
 * Opening the stored corpus from a `--db` option, for the commands that use it. The store (and with it
 * the database drivers) is loaded only when a command needs it, so `analyze` and the other in-memory
 * commands start without them.
 */
import type { Corpus, Store } from '../store/index.ts';

export const loadStore = () => import('../store/index.ts');

export async function openStore(db?: string): Promise<Store> {
  const { Store } = await loadStore();
  return Store.open(db);
}

export async function openCorpus(db?: string): Promise<Corpus> {
  const [{ Corpus }, { createCorpusEngine }] = await Promise.all([loadStore(), import('../store/engine.ts')]);
  return new Corpus(await openStore(db), createCorpusEngine);
}
