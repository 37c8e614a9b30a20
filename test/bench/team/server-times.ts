import { percentile } from '../stats';

/**
 * Server-side durations from the servers' request log (`server/request-log.ts`: one JSON line per
 * answer with route and ms), recorded only while `recording`. Set beside the desks' own timings they
 * tell the server's work from the wait in the network, the event loops and the run queue.
 */
export class ServerTimes {
  recording = false;
  private readonly byRoute = new Map<string, number[]>();

  /** One output line of a server; anything that is not a request-log line is ignored. */
  line(text: string): void {
    if (!this.recording || !text.startsWith('{')) return;
    let entry: { route?: unknown; ms?: unknown };
    try {
      entry = JSON.parse(text) as typeof entry;
    } catch {
      return;
    }
    if (typeof entry.route !== 'string' || typeof entry.ms !== 'number') return;
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
