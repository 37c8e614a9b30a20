import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { CoreEvent, EventBus } from '../main/core';

/** The one PostgreSQL channel every server instance on a database listens on. */
export const EVENTS_CHANNEL = 'kept_events';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_900;
const RECONNECT_MS = 1_000;

interface Envelope {
  /** The instance that committed the change: it already pushed it to its own sockets. */
  origin: string;
  event: CoreEvent;
}

export interface PgEventRelayOptions {
  /** This instance's core bus: its committed changes go out, the other instances' come in. */
  bus: EventBus;
  /** The database the instances share; the relay holds one connection of its own for LISTEN. */
  connectionString: string;
  /** Sends the NOTIFYs (the core's pool is fine: a notify is one short statement). */
  pool: pg.Pool;
  instanceId?: string;
  onError?: (error: unknown) => void;
}

export interface PgEventRelay {
  instanceId: string;
  /** Resolves once this instance is listening: changes committed by other instances from then on arrive. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Carries change events between server instances on one PostgreSQL database (LISTEN/NOTIFY). Core
 * announces a change on its bus only after its transaction committed; the relay NOTIFYs it with this
 * instance's id, in the order the bus emitted. Each instance LISTENs on a dedicated connection and
 * re-emits the other instances' events on its own bus, so its WebSocket clients (`event-socket.ts`)
 * see every change whichever instance wrote it; its own events come back to it and are skipped.
 * Events are pokes, not the data: a client that missed one (a dropped connection) reads again.
 */
export function relayEventsThroughPostgres(options: PgEventRelayOptions): PgEventRelay {
  const instanceId = options.instanceId ?? randomUUID();
  const onError = options.onError ?? (() => {});
  let closed = false;
  let relaying = false;
  let listener: pg.Client | null = null;
  let outgoing: Promise<unknown> = Promise.resolve();

  const receive = (message: pg.Notification) => {
    if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message.payload) as Envelope;
    } catch (error) {
      onError(error);
      return;
    }
    if (envelope.origin === instanceId) return;
    relaying = true;
    try {
      options.bus.emit(envelope.event);
    } finally {
      relaying = false;
    }
  };

  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: options.connectionString });
    client.on('notification', receive);
    client.on('error', (error) => {
      onError(error);
      reconnect(client);
    });
    client.on('end', () => reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    if (closed) await client.end();
    else listener = client;
  };

  const reconnect = (client: pg.Client) => {
    if (closed || listener !== client) return;
    listener = null;
    const retry = () => {
      if (closed) return;
      listen().catch((error: unknown) => {
        onError(error);
        setTimeout(retry, RECONNECT_MS).unref();
      });
    };
    setTimeout(retry, RECONNECT_MS).unref();
  };

  const off = options.bus.on((event) => {
    if (relaying || closed) return; // another instance's change, already announced there
    const payload = JSON.stringify({ origin: instanceId, event } satisfies Envelope);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) return onError(new Error(`Event too large to relay: ${event.event}`));
    // One after another, so the other instances see this instance's changes in commit order.
    outgoing = outgoing.then(() => options.pool.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, payload])).catch(onError);
  });

  return {
    instanceId,
    ready: listen(),
    async close() {
      closed = true;
      off();
      await outgoing;
      const client = listener;
      listener = null;
      await client?.end();
    },
  };
}
