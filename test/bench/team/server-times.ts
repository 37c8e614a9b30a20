import { percentile } from '../stats';

/**
 * Server-side durations from the servers' request log (`server/request-log.ts`: one JSON line per
 * answer with its time `at`, route and ms), for the answers given within [from, to]. Set beside the
 * desks' own timings they tell the server's work from the wait in the network and the run queue.
 */
export class ServerTimes {
  private readonly byRoute = new Map<string, number[]>();

  constructor(
    private readonly fromMs: number,
    private readonly toMs: number,
  ) {}

  /** Every line of a server's output; what is not a request-log line, or falls outside the window, is ignored. */
  read(output: string): this {
    for (const line of output.split('\n')) this.line(line);
    return this;
  }

  line(text: string): void {
    if (!text.startsWith('{')) return;
    let entry: { at?: unknown; route?: unknown; ms?: unknown };
    try {
      entry = JSON.parse(text) as typeof entry;
    } catch {
      return;
    }
    if (typeof entry.route !== 'string' || typeof entry.ms !== 'number' || typeof entry.at !== 'string') return;
    const at = Date.parse(entry.at);
    if (!(at >= this.fromMs && at <= this.toMs)) return;
    const times = this.byRoute.get(entry.route) ?? [];
    times.push(entry.ms);
    this.byRoute.set(entry.route, times);
  }

  /** The p-th percentile of a route's server-side times, NaN when none were logged. */
  percentile(route: string, p: number): number {
    return percentile(
      [...(this.byRoute.get(route) ?? [])].sort((a, b) => a - b),
      p,
    );
  }

  count(route: string): number {
    return this.byRoute.get(route)?.length ?? 0;
  }
}
