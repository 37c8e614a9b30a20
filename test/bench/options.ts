import type { CacheMode } from './page-cache';
import { DEFAULT_SIZES, type DatasetSizes, QUICK_SIZES } from './synthetic/sizes';

export interface BenchOptions {
  sizes: DatasetSizes;
  quick: boolean;
  iterations: number;
  warmup: number;
  seed: number;
  rebuild: boolean;
  /** The database file's page-cache state at the start of each measure. */
  cache: CacheMode;
  /** Measure names to run; empty means all. */
  only: string[];
  /** Exit non-zero when a measure misses its target (off by default: the target is set for 1M customers). */
  check: boolean;
  /** The load measure: simulated desks, and seconds they work. */
  desks: number;
  seconds: number;
  callEverySeconds: number;
}

export const USAGE = `Usage: npm run bench -- [options]

  --quick              small smoke run (${QUICK_SIZES.customers} customers, ${QUICK_SIZES.contacts} contacts, ${QUICK_SIZES.notes} notes)
  --scale N            multiply the default sizes (${DEFAULT_SIZES.customers} / ${DEFAULT_SIZES.contacts} / ${DEFAULT_SIZES.notes}) by N
  --customers N        customers; contacts and notes follow in proportion unless given
  --contacts N         contacts (calls, chats, visits), each linked to a case
  --notes N            notes (85% on contacts, 15% standalone on cases)
  --iterations N       measured operations per measure (default 1000)
  --warmup N           unmeasured operations first (default 100)
  --seed N             which customers are sampled (default 1)
  --cache hot|cold     page-cache state of the database file when each measure starts (default hot)
  --rebuild            build the database even if a cached one exists
  --only a,b           run only these measures
  --check              exit 1 if a measure misses its target
  --desks N            simulated desks in the load measure (default 500)
  --seconds N          how long the load measure runs (default 60)
  --call-every N       seconds between one desk's calls in the load measure (default 30)
Opt-in measures, run only when named in --only: sync-push,sync-pull (throughput against a server on
PostgreSQL), sync-load-push,sync-load-pop,sync-load-search (many desks on two servers over PostgreSQL)
and screen-pop-pg,search-2-pg,search-3-pg,search-6-pg.
Sizes accept 1000000, 1_000_000, 1e6, 1000k or 1m.`;

/** A mistake on the command line: reported as a message, without a stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** "1m", "250k", "1e6", "1_000_000" → a whole number. */
function count(flag: string, text: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([km]?)$/i.exec((text ?? '').replaceAll('_', '').replaceAll(',', ''));
  if (!match) throw new UsageError(`${flag} needs a number, got "${text ?? ''}".`);
  const unit = match[2]!.toLowerCase();
  return Math.round(Number(match[1]) * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1));
}

export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const given: Partial<DatasetSizes> = {};
  let quick = false;
  let scale = 1;
  const options = {
    iterations: 1000,
    warmup: 100,
    seed: 1,
    rebuild: false,
    cache: 'hot' as CacheMode,
    only: [] as string[],
    check: false,
    desks: 500,
    seconds: 60,
    callEverySeconds: 30,
  };

  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => argv[++i];
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--quick':
        quick = true;
        break;
      case '--scale':
        scale = Number(value());
        if (!(scale > 0)) throw new UsageError('--scale needs a positive number.');
        break;
      case '--customers':
      case '--contacts':
      case '--notes':
        given[flag.slice(2) as keyof DatasetSizes] = count(flag, value());
        break;
      case '--iterations':
        options.iterations = count(flag, value());
        break;
      case '--warmup':
        options.warmup = count(flag, value());
        break;
      case '--seed':
        options.seed = count(flag, value());
        break;
      case '--rebuild':
        options.rebuild = true;
        break;
      case '--cache': {
        const mode = value();
        if (mode !== 'hot' && mode !== 'cold') throw new UsageError('--cache is hot or cold.');
        options.cache = mode;
        break;
      }
      case '--only':
        options.only = (value() ?? '').split(',').filter(Boolean);
        break;
      case '--check':
        options.check = true;
        break;
      case '--desks':
        options.desks = count(flag, value());
        break;
      case '--seconds':
        options.seconds = count(flag, value());
        break;
      case '--call-every':
        options.callEverySeconds = count(flag, value());
        break;
      default:
        throw new UsageError(`Unknown option ${flag}.\n\n${USAGE}`);
    }
  }

  const base = quick ? QUICK_SIZES : DEFAULT_SIZES;
  const customers = given.customers ?? Math.round(base.customers * scale);
  // Without explicit counts, contacts and notes keep the base ratio to customers.
  const ratio = customers / base.customers;
  const sizes: DatasetSizes = {
    customers,
    contacts: given.contacts ?? Math.round(base.contacts * ratio),
    notes: given.notes ?? Math.round(base.notes * ratio),
  };
  if (sizes.customers < 1 || sizes.contacts < 1) throw new UsageError('A dataset needs at least one customer and one contact.');
  if (options.iterations < 1) throw new UsageError('--iterations must be at least 1.');
  if (options.desks < 1 || options.seconds < 1 || options.callEverySeconds < 1)
    throw new UsageError('--desks, --seconds and --call-every must be at least 1.');
  return { sizes, quick, ...options };
}
