/**
 * One SQL interface over the embedded database (PGlite: PostgreSQL compiled to WebAssembly, zero setup)
 * and a PostgreSQL server (node-postgres pool), so every query is written once and runs on both.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface SqlClient {
  readonly kind: 'embedded' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction; everything it writes is committed together or not at all. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

type Queryable = { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> };

function wrap(
  kind: SqlClient['kind'],
  q: Queryable,
  extra: Pick<SqlClient, 'transaction' | 'exec' | 'close'>,
): SqlClient {
  return {
    kind,
    query: async <T>(sql: string, params: unknown[] = []) => (await q.query(sql, params)).rows as T[],
    ...extra,
  };
}

export async function openEmbedded(dataDir?: string): Promise<SqlClient> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  const self: SqlClient = wrap('embedded', db, {
    transaction: (fn) =>
      db.transaction((tx) =>
        fn(
          wrap('embedded', tx, {
            transaction: (f) => f(self),
            exec: async (s) => void (await tx.exec(s)),
            close: async () => {},
          }),
        ),
      ),
    exec: async (sql) => void (await db.exec(sql)),
    close: () => db.close(),
  });
  return self;
}

export async function openPostgres(url: string, poolSize = 5): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server drops (a restart, an administrator) emits 'error' on the pool; without a
  // listener that would crash the process, though the pool simply opens a new connection next time.
  pool.on('error', (error) =>
    process.stderr.write(`corroborate: database connection lost: ${error.message}\n`),
  );
  await pool.query('select 1');
  const client: SqlClient = wrap('postgres', pool, {
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('begin');
        const tx = wrap('postgres', conn, {
          transaction: (f) => f(tx),
          exec: async (s) => void (await conn.query(s)),
          close: async () => {},
        });
        const result = await fn(tx);
        await conn.query('commit');
        return result;
      } catch (error) {
        await conn.query('rollback').catch(() => {});
        throw error;
      } finally {
        conn.release();
      }
    },
    exec: async (sql) => void (await pool.query(sql)),
    close: () => pool.end(),
  });
  return client;
}

// Well under PostgreSQL's 65,535 parameters per statement, and small enough that a statement of large
// articles stays a few megabytes.
const ROWS_PER_STATEMENT = 100;

/** `($1, $2), ($3, $4)` for `rows` rows of `columns` parameters: the VALUES list of a multi-row insert. */
function placeholders(rows: number, columns: number): string {
  return Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`,
  ).join(', ');
}

/**
 * Inserts `rows` with multi-row statements, a bounded number of rows each, instead of one statement per
 * row: in the embedded database a statement costs as much again as the row it writes. `sql` builds the
 * statement around a chunk's VALUES list; `params` gives one row's `columns` parameters. Returns what
 * the statements return (with a RETURNING clause), chunk after chunk.
 */
export async function insertRows<R, T = Record<string, unknown>>(
  db: SqlClient,
  rows: R[],
  columns: number,
  sql: (values: string) => string,
  params: (row: R) => unknown[],
): Promise<T[]> {
  const out: T[] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(from, from + ROWS_PER_STATEMENT);
    out.push(...(await db.query<T>(sql(placeholders(chunk.length, columns)), chunk.flatMap(params))));
  }
  return out;
}
