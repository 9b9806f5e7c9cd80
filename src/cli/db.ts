/** Opening the stored corpus from a `--db` option, for the commands that use it. */
import { createCorpusEngine } from '../store/engine.ts';
import { Corpus, Store } from '../store/index.ts';

export function openStore(db?: string): Promise<Store> {
  return Store.open(db);
}

export async function openCorpus(db?: string): Promise<Corpus> {
  return new Corpus(await openStore(db), createCorpusEngine);
}
