import type { Kysely } from 'kysely';
import type { Envelope } from '../../shared';
import type { DB } from '../db';
import { DEFAULT_BUNDLE, livePolicy, loadPolicy, type Policy } from '../policy';
import type { CallContext, CoreDeps } from './context';
import { dispatch, type DispatchOptions, type DispatchRequest } from './dispatch';
import { createEventBus, type EventBus } from './events';
import { reloadActivePolicy } from './policy/versions';

export interface CoreOptions {
  db: Kysely<DB>;
  clientId: string;
  now?: () => Date;
  outbox?: boolean;
  policy?: Policy;
  dispatch?: DispatchOptions;
  /** A published bundle this host could not load (it keeps the one in force); the server logs it. */
  onPolicyReloadError?: (error: unknown) => void;
}

export interface Core {
  deps: CoreDeps;
  bus: EventBus;
  call(request: DispatchRequest, ctx: CallContext): Promise<Envelope<unknown>>;
}

export function createCore(options: CoreOptions): Core {
  const bus = createEventBus();
  const deps: CoreDeps = {
    db: options.db,
    clientId: options.clientId,
    now: options.now ?? (() => new Date()),
    outbox: options.outbox ?? false,
    bus,
    policy: livePolicy(options.policy ?? loadPolicy(DEFAULT_BUNDLE)),
  };
  // A bundle published here or on another host (relayed between server instances) is put in force without a restart.
  bus.on((event) => {
    if (event.event === 'changed' && event.payload.entity === 'policy')
      reloadActivePolicy(deps).catch((error: unknown) => options.onPolicyReloadError?.(error));
  });
  return { deps, bus, call: (request, ctx) => dispatch(deps, request, ctx, options.dispatch) };
}
