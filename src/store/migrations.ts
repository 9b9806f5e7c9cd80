/**
 * Versioned schema migrations. Each runs once, in order, inside a transaction, recorded in
 * `schema_migrations`; on PostgreSQL an advisory lock keeps concurrent workers from racing to migrate.
 * Append new migrations; never edit one that has shipped.
 */
import type { SqlClient } from './sql.ts';

export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'articles, stories, copies, state',
    sql: `
      create table articles (
        id text primary key,
        content_hash text not null unique,
        source jsonb not null,
        meta jsonb not null,
        text text not null,
        annotations jsonb not null,
        removed jsonb not null,
        flags jsonb not null,
        published timestamptz,
        story_id text,
        seq bigserial,
        ingested_at timestamptz not null default now(),
        tsv tsvector generated always as (
          setweight(to_tsvector('simple', coalesce(meta->>'title', '')), 'A') || to_tsvector('english', text)
        ) stored
      );
      create index articles_tsv on articles using gin (tsv);
      create index articles_story on articles (story_id);
      create index articles_published on articles (published);
      create table stories (
        id text primary key,
        title text not null,
        data jsonb not null,
        article_count int not null,
        outlet_count int not null,
        conflict_count int not null,
        first_published timestamptz,
        last_published timestamptz,
        updated_at timestamptz not null default now(),
        version int not null default 1,
        tsv tsvector generated always as (to_tsvector('english', title || ' ' || coalesce(data->>'keywords', ''))) stored
      );
      create index stories_tsv on stories using gin (tsv);
      create index stories_updated on stories (updated_at);
      create table duplicates (
        a text not null,
        b text not null,
        kind text not null,
        similarity real not null,
        original text,
        primary key (a, b)
      );
      create table state (
        key text primary key,
        value jsonb not null,
        updated_at timestamptz not null default now()
      );
    `,
  },
  {
    version: 2,
    name: 'inbox of documents waiting to be prepared and placed in order',
    sql: `
      create table inbox (
        seq bigserial primary key,
        content_hash text not null unique,
        doc jsonb not null,
        article jsonb,
        enqueued_at timestamptz not null default now()
      );
    `,
  },
  {
    version: 3,
    name: 'stories whose findings wait to be rebuilt',
    sql: `
      create table stale_stories (
        id text primary key,
        title text,
        keywords jsonb,
        marked_at timestamptz not null default now()
      );
    `,
  },
  {
    version: 4,
    name: 'articles in placement order, for replaying onto a saved engine state',
    sql: `
      create index articles_seq on articles (seq);
    `,
  },
  {
    version: 5,
    // Nothing queries inside these documents (only `meta` and a story's keywords), and the binary form
    // made every write parse and convert them: with annotations and story findings of hundreds of
    // kilobytes, a third of an article's insert and half a story's save went there. A story's keywords,
    // which its search column indexes, move into a column of their own.
    name: 'whole documents stored as json text rather than jsonb',
    sql: `
      alter table articles alter column annotations type json using annotations::json;
      alter table articles alter column removed type json using removed::json;
      alter table articles alter column flags type json using flags::json;
      drop index stories_tsv;
      alter table stories drop column tsv;
      alter table stories add column keywords text not null default '';
      update stories set keywords = coalesce(data->>'keywords', '');
      alter table stories alter column data type json using data::json;
      alter table stories add column tsv tsvector generated always as (to_tsvector('english', title || ' ' || keywords)) stored;
      create index stories_tsv on stories using gin (tsv);
      alter table inbox alter column doc type json using doc::json;
      alter table inbox alter column article type json using article::json;
      alter table state alter column value type json using value::json;
    `,
  },
  {
    version: 6,
    name: 'inbox rows the engine could not place, set aside with the error',
    sql: `
      alter table inbox add column failed text;
    `,
  },
  {
    version: 7,
    // A story's findings are written compressed (store/codec.ts) into a text column of their own; stories
    // saved before keep their JSON in data until they are next rebuilt.
    name: 'story findings stored compressed',
    sql: `
      alter table stories alter column data drop not null;
      alter table stories add column body text;
    `,
  },
  {
    version: 8,
    // An article's annotation layers are written compressed (store/codec.ts) into a column the database
    // does not compress again; articles stored before keep them as JSON. The search vector, computed in
    // the database as every article was written, took as long as the rest of a placement: it is now
    // filled in afterwards (Store.indexArticles), off the path of placement, and before any search.
    name: 'annotations stored compressed; articles indexed for search after placement',
    sql: `
      alter table articles add column layers text;
      alter table articles alter column layers set storage external;
      alter table articles alter column annotations drop not null;
      alter table articles alter column removed drop not null;
      alter table articles alter column tsv drop expression;
      create index articles_unindexed on articles (seq) where tsv is null;
    `,
  },
  {
    version: 9,
    // Workers sharing a database all rebuilt every stale story at once, and only one of them could save
    // each: a worker now claims the stories it builds, for a while (corpus.ts).
    name: 'stale stories claimed by the worker rebuilding them',
    sql: `
      alter table stale_stories add column claimed_until timestamptz;
    `,
  },
];

export async function migrate(db: SqlClient): Promise<number> {
  await db.exec(
    'create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())',
  );
  const lock = db.kind === 'postgres';
  if (lock) await db.query('select pg_advisory_lock(7201001)');
  try {
    const applied = new Set(
      (await db.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version),
    );
    let count = 0;
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await db.transaction(async (tx) => {
        await tx.exec(m.sql);
        await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      });
      count++;
    }
    return count;
  } finally {
    if (lock) await db.query('select pg_advisory_unlock(7201001)');
  }
}
