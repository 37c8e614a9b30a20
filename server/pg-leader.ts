import pg from 'pg';

/** Any constant: the background jobs' lock, held by one server instance at a time. */
const JOBS_LOCK = 7_405_393;

export interface LeaderOptions {
  connectionString: string;
  /** Starts the work; returns how to stop it. Called when this instance becomes the leader. */
  start: () => () => void;
  /** How often a follower tries to take over (default 5 s). */
  retryMs?: number;
  onError?: (error: unknown) => void;
}

export interface Leadership {
  isLeader(): boolean;
  /** Resolves after the first attempt to lead, won or not. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs the background jobs (the commitment clock, the message dispatcher) on one server instance of
 * those sharing a database: the one holding a session advisory lock on a connection of its own. The
 * others try again every few seconds, so when the leader stops or its connection drops (PostgreSQL
 * releases a session lock with its session), another instance takes over. Their writes are
 * idempotent anyway; one leader keeps owners from being alerted once per instance.
 */
export function leadBackgroundJobs(options: LeaderOptions): Leadership {
  const retryMs = options.retryMs ?? 5_000;
  const onError = options.onError ?? (() => {});
  let client: pg.Client | null = null;
  let stop: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const resign = () => {
    stop?.();
    stop = null;
  };

  const attempt = async (): Promise<void> => {
    if (closed || stop) return;
    try {
      if (!client) {
        const fresh = new pg.Client({ connectionString: options.connectionString });
        fresh.on('error', (error) => {
          onError(error);
          if (client === fresh) {
            client = null;
            resign();
          }
        });
        await fresh.connect();
        client = fresh;
      }
      const got = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [JOBS_LOCK]);
      if (got.rows[0]?.locked && !closed) stop = options.start();
    } catch (error) {
      onError(error);
    }
  };

  const loop = async () => {
    await attempt();
    if (!closed) timer = setTimeout(() => void loop(), retryMs).unref();
  };

  return {
    isLeader: () => stop !== null,
    ready: attempt().then(() => {
      if (!closed) timer = setTimeout(() => void loop(), retryMs).unref();
    }),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      resign();
      const c = client;
      client = null;
      await c?.end().catch(onError); // ends the session, and with it the lock
    },
  };
}
