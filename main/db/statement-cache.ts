import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew, and better-sqlite3 compiles SQL on each
 * prepare: about a third of a screen pop's CPU. The app runs the same few hundred SQL texts all
 * day, so their compiled statements are kept, the least recently used dropped past `capacity`
 * (texts differ only by the length of an `in (…)` list, so the set stays small).
 * Safe because the connection is used one statement at a time: Kysely runs each statement to the
 * end with all() or run(), and nothing in the app streams rows.
 */
export function withStatementCache(raw: Database.Database, capacity = 512): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => {
      cache.clear();
      raw.close();
    },
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached) {
        // Re-inserting moves it to the back: Map keeps insertion order, so the front is the oldest.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = raw.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}
