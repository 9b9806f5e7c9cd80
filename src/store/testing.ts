/**
 * The databases tests run against: always the embedded one; PostgreSQL too when
 * `CORROBORATE_TEST_PG` names a server (CI starts one with scripts/pg-test-server.sh). Each call gets a
 * fresh, empty database so tests never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Store } from './store.ts';

export interface TestDatabase {
  name: string;
  /** A URL or folder that `Store.open` accepts, for a fresh database. */
  create(): Promise<string>;
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'embedded', create: async () => 'memory:' }];
  const admin = process.env.CORROBORATE_TEST_PG;
  if (admin)
    list.push({
      name: 'postgres',
      async create() {
        const name = `corroborate_test_${randomBytes(6).toString('hex')}`;
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        try {
          await client.query(`create database ${name}`);
        } finally {
          await client.end();
        }
        const url = new URL(admin);
        url.pathname = `/${name}`;
        return url.toString();
      },
    });
  return list;
}

export async function openTestStore(db: TestDatabase): Promise<Store> {
  return Store.open(await db.create());
}
