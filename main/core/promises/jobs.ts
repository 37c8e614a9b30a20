import type { CoreDeps } from '../context';
import { tickCommitments } from './clock';
import { DEFAULT_DISPATCH, dispatchMessages } from './dispatcher';
import type { Gateway } from './gateways';

export interface JobOptions {
  gateway: Gateway;
  clockEveryMs?: number;
  dispatchEveryMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The host's timers: the commitment clock and the message dispatcher. Each run waits for the last
 * to finish, so a slow gateway never stacks attempts. Returns a stop function.
 */
export function startBackgroundJobs(deps: CoreDeps, options: JobOptions): () => void {
  const report = options.onError ?? (() => undefined);
  const every = (ms: number, job: () => Promise<unknown>) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      job()
        .catch(report)
        .finally(() => (running = false));
    }, ms);
    timer.unref?.();
    return () => clearInterval(timer);
  };
  const stops = [
    every(options.clockEveryMs ?? 30_000, () => tickCommitments(deps)),
    every(options.dispatchEveryMs ?? 10_000, () => dispatchMessages(deps, options.gateway, DEFAULT_DISPATCH)),
  ];
  return () => stops.forEach((stop) => stop());
}
