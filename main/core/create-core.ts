import type { Kysely } from 'kysely';
import type { Envelope } from '../../shared';
import type { DB } from '../db';
import type { CallContext, CoreDeps } from './context';
import { dispatch, type DispatchOptions, type DispatchRequest } from './dispatch';
import { type ChangeBus, createChangeBus } from './events';

export interface CoreOptions {
  db: Kysely<DB>;
  clientId: string;
  now?: () => Date;
  outbox?: boolean;
  dispatch?: DispatchOptions;
}

export interface Core {
  deps: CoreDeps;
  bus: ChangeBus;
  call(request: DispatchRequest, ctx: CallContext): Promise<Envelope<unknown>>;
}

export function createCore(options: CoreOptions): Core {
  const bus = createChangeBus();
  const deps: CoreDeps = {
    db: options.db,
    clientId: options.clientId,
    now: options.now ?? (() => new Date()),
    outbox: options.outbox ?? false,
    bus,
  };
  return { deps, bus, call: (request, ctx) => dispatch(deps, request, ctx, options.dispatch) };
}
