/** `corroborate serve`: the HTTP API (and web UI) over the stored corpus. */
import { openCorpus } from '../db.ts';
import { parsePositiveInt } from '../output.ts';
import type { RegisterCommand } from './index.ts';

export const registerServe: RegisterCommand = (program) => {
  program
    .command('serve')
    .description('serve the HTTP API over the stored corpus; writes need CORROBORATE_TOKEN')
    .option('--db <url>', 'database folder or postgres://…')
    .option('--port <n>', 'port', (v) => parsePositiveInt(v, '--port'), 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { db?: string; port: number; host: string }) => {
      // The server stack loads only for this command.
      const [{ serve }, { createApp }, { mountUi }] = await Promise.all([
        import('@hono/node-server'),
        import('../../server/index.ts'),
        import('../../ui/index.ts'),
      ]);
      const corpus = await openCorpus(opts.db);
      // Stories left stale by an ingest that was stopped before its final rebuild are brought up to date
      // before anyone reads them.
      const rebuilt = await corpus.rebuildStale();
      if (rebuilt)
        process.stderr.write(`corroborate: rebuilt ${rebuilt} stories left stale by an earlier ingest\n`);
      const token = process.env.CORROBORATE_TOKEN;
      if (!token) process.stderr.write('corroborate: CORROBORATE_TOKEN is not set: the API is read-only\n');
      else if (token.length < 16) throw new Error('CORROBORATE_TOKEN must be at least 16 characters');
      const app = createApp({
        store: corpus.store,
        ingest: (docs) => corpus.add(docs),
        token,
        mount: (a) => mountUi(a, corpus.store),
      });
      const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) =>
        process.stderr.write(`corroborate: serving on http://${info.address}:${info.port}/\n`),
      );
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await corpus.store.close();
    });
};
