import type { Kysely } from 'kysely';
import type { Envelope } from '../../shared';
import type { DB } from '../db';
import { DEFAULT_BUNDLE, loadPolicy, type Policy } from '../policy';
import type { CallContext, CoreDeps } from './context';
import { dispatch, type DispatchOptions, type DispatchRequest } from './dispatch';
import { createEventBus, type EventBus } from './events';

export interface CoreOptions {
  db: Kysely<DB>;
  clientId: string;
  now?: () => Date;
  outbox?: boolean;
  policy?: Policy;
  dispatch?: DispatchOptions;
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
    policy: options.policy ?? loadPolicy(DEFAULT_BUNDLE),
  };
  return { deps, bus, call: (request, ctx) => dispatch(deps, request, ctx, options.dispatch) };
}
