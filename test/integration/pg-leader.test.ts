import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Leadership, leadBackgroundJobs } from '../../server/pg-leader';
import { startPostgres, type TestPostgres } from '../fixtures/embedded-postgres';

// Background jobs on one instance of those sharing a PostgreSQL database, and a take-over when it stops.
let cluster: TestPostgres;
let url: string;
const leaders: Leadership[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  url = await cluster.createDatabase();
}, 120_000);
afterAll(async () => {
  for (const l of leaders) await l.close();
  await cluster?.stop();
});

describe('the background jobs on several instances', () => {
  it('run on one instance at a time; another takes over when the leader stops', async () => {
    const running = new Set<string>();
    const started: string[] = [];
    // A job starting while another instance's still runs: never.
    let overlaps = 0;
    const lead = (name: string) => {
      const l = leadBackgroundJobs({
        connectionString: url,
        retryMs: 50,
        start: () => {
          if (running.size > 0) overlaps += 1;
          running.add(name);
          started.push(name);
          return () => running.delete(name);
        },
      });
      leaders.push(l);
      return l;
    };
    const a = lead('a');
    await a.ready;
    const b = lead('b');
    await b.ready;
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    expect([...running]).toEqual(['a']);
    await new Promise((r) => setTimeout(r, 200)); // b keeps trying, and keeps failing while a leads
    expect(started).toEqual(['a']);

    await a.close();
    // a's jobs stop before its session (and lock) ends; b may already hold the lock by the time close returns.
    expect(running.has('a')).toBe(false);
    await expect.poll(() => b.isLeader(), { timeout: 5_000 }).toBe(true);
    expect(started).toEqual(['a', 'b']);
    expect([...running]).toEqual(['b']);
    expect(overlaps).toBe(0);
  });
});
