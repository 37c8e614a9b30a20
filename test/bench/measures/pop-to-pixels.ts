import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { itemKey } from '../../../renderer/src/state/history-items';
import { findChromium, INSTALL_HINT } from '../../../scripts/find-browser.cjs';
import type { HistoryItem } from '../../../shared';
import { DEMO_PASSWORD, STORY_CUSTOMER_ID, STORY_PHONE_TYPED } from '../../fixtures/demo-ids';
import type { StandaloneMeasure } from '../measure';
import { rpc, signIn, startServerProcess } from '../server-process';
import { percentile } from '../stats';

/**
 * What the agent sees, not what the host returns: from the Enter key in the search box to the painted
 * frame that shows the new customer's brief and first history entries, in headless Chromium (1366×768)
 * against the real server (`server/main.ts`, freshly built renderer, demo data on a temporary data dir).
 *
 * In the page: `performance.now()` at the Enter keydown (a capture listener on window, before the
 * console's own), then a MutationObserver (with a requestAnimationFrame poll as a fallback) until the
 * brief shows the new customer (the level-1 heading has their name, the brief is no longer busy and
 * lists one of their open cases) and at least one of their history entries (by the console's own entry
 * key) is in the feed; the time of the next requestAnimationFrame after that, the frame that paints it,
 * ends the pop. Resource Timing splits it: `request` is the time covered by the API requests started
 * between Enter and that frame, `render` the rest (input handling, React, layout, waiting for the frame).
 *
 * Pops alternate between the seed customer and synthetic demo customers with history, so each pop
 * replaces a different customer's screen. Selectors are the ones the e2e specs use: the search combobox,
 * headings, the feed, `data-region`, `data-case-number` and `data-entry-key`.
 */
const ROOT = resolve(__dirname, '../../..');
const POPS = 60;
const WARMUP = 10;
const SYNTHETIC_CUSTOMERS = 5;
/** The search box searches as the agent types (150 ms debounce), and a pop ends with late work: let both settle, they are not the pop. */
const SETTLE_MS = 400;

interface PopCustomer {
  id: string;
  name: string;
  typed: string;
  /** Entry keys of their first history page, and their open case numbers, as the host has them. */
  keys: string[];
  cases: string[];
}

interface PopTiming {
  totalMs: number;
  shownMs: number;
  requestMs: number;
  requests: string[];
}

interface PopProbe {
  arm(name: string, keys: string[], cases: string[]): void;
  result: Promise<PopTiming> | null;
}

declare global {
  interface Window {
    __pop?: PopProbe;
  }
}

/** Runs in the page before the console's scripts. Self-contained: Playwright serialises it. */
function installProbe(): void {
  let target: { name: string; keys: Set<string>; cases: string[] } | null = null;
  let settle: ((timing: PopTiming) => void) | null = null;
  let fail: ((error: Error) => void) | null = null;
  let t0 = 0;
  let shownAt = 0;
  let observer: MutationObserver | null = null;

  const shown = (): boolean => {
    if (!target) return false;
    const name = target.name;
    if (!Array.from(document.querySelectorAll('h1')).some((h) => h.textContent?.trim() === name)) return false;
    const brief = document.querySelector('[data-region="customer-brief"]');
    if (!brief || brief.getAttribute('aria-busy') !== 'false') return false;
    if (target.cases.length && !target.cases.some((n) => brief.querySelector(`[data-case-number="${CSS.escape(n)}"]`))) return false;
    const feed = document.querySelector('[role="feed"]');
    if (!feed) return false;
    const keys = target.keys;
    return Array.from(feed.querySelectorAll('article[data-entry-key]')).some((a) => keys.has(a.getAttribute('data-entry-key') ?? ''));
  };

  const painted = (t1: number) => {
    const requests = performance
      .getEntriesByType('resource')
      .filter((r): r is PerformanceResourceTiming => r.name.includes('/api/') && r.startTime >= t0 && r.startTime <= t1);
    // The time covered by at least one request (overlapping requests count once).
    const spans = requests.map((r) => [r.startTime, Math.min(r.responseEnd || t1, t1)] as const).sort((a, b) => a[0] - b[0]);
    let requestMs = 0;
    let end = -Infinity;
    for (const [from, to] of spans) {
      if (to <= end) continue;
      requestMs += to - Math.max(from, end);
      end = to;
    }
    const timing: PopTiming = {
      totalMs: t1 - t0,
      shownMs: shownAt - t0,
      requestMs,
      requests: requests.map((r) => new URL(r.name).pathname.split('/').pop() ?? r.name),
    };
    const done = settle;
    target = null;
    settle = null;
    fail = null;
    t0 = 0;
    done?.(timing);
  };

  const check = () => {
    if (!target || shownAt || !shown()) return;
    shownAt = performance.now();
    observer?.disconnect();
    requestAnimationFrame(() => painted(performance.now()));
  };

  const poll = () => {
    if (!target || shownAt) return;
    check();
    if (!shownAt) requestAnimationFrame(poll);
  };

  window.addEventListener(
    'keydown',
    (event) => {
      if (!target || t0 || event.key !== 'Enter') return;
      t0 = performance.now();
      observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      requestAnimationFrame(poll);
      const started = t0;
      setTimeout(() => {
        if (t0 !== started || !fail) return;
        // Say what the screen showed instead, to tell a slow pop from a selector that no longer matches.
        const seen = {
          headings: Array.from(document.querySelectorAll('h1'), (h) => h.textContent?.trim()),
          briefBusy: document.querySelector('[data-region="customer-brief"]')?.getAttribute('aria-busy') ?? 'no brief',
          entries: document.querySelectorAll('[role="feed"] article[data-entry-key]').length,
          input: (document.activeElement as HTMLInputElement | null)?.value,
        };
        fail(new Error(`No pop of ${target?.name} painted within 10 s; the screen showed ${JSON.stringify(seen)}.`));
      }, 10_000);
    },
    { capture: true },
  );

  window.__pop = {
    result: null,
    arm(name, keys, cases) {
      performance.clearResourceTimings();
      performance.setResourceTimingBufferSize(1000);
      target = { name, keys: new Set(keys), cases };
      shownAt = 0;
      t0 = 0;
      this.result = new Promise<PopTiming>((resolvePop, rejectPop) => {
        settle = resolvePop;
        fail = rejectPop;
      });
    },
  };
}

/** The seed customer and a seeded pick of synthetic demo customers with history, read from the server's database. */
function pickCustomers(
  dataDir: string,
  seed: number,
): { customers: { id: string; name: string; typed: string }[]; sizes: Record<string, number> } {
  const db = new Database(join(dataDir, 'kept.db'), { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const sizes = { customers: count('customers'), contacts: count('contacts'), notes: count('notes'), cases: count('cases') };
    const rows = db
      .prepare(
        `select c.id, c.name, min(p.e164) as e164 from customers c join customer_phones p on p.customer_id = c.id
         where c.id <> ? and exists (select 1 from contacts k where k.customer_id = c.id)
         group by c.id order by c.id`,
      )
      .all(STORY_CUSTOMER_ID) as { id: string; name: string; e164: string }[];
    if (rows.length < SYNTHETIC_CUSTOMERS) throw new Error(`The demo set has only ${rows.length} synthetic customers with history.`);
    // A seeded shuffle: the same seed, the same customers.
    let state = seed >>> 0 || 1;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const shuffled = rows.map((row) => ({ row, key: next() })).sort((a, b) => a.key - b.key);
    const synthetic = shuffled
      .slice(0, SYNTHETIC_CUSTOMERS)
      .map(({ row }) => ({ id: row.id, name: row.name, typed: row.e164.replace(/^\+86/, '') }));
    const story = db.prepare('select name from customers where id = ?').get(STORY_CUSTOMER_ID) as { name: string };
    return { customers: [{ id: STORY_CUSTOMER_ID, name: story.name, typed: STORY_PHONE_TYPED }, ...synthetic], sizes };
  } finally {
    db.close();
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

export const popToPixels: StandaloneMeasure = {
  name: 'pop-to-pixels',
  title: 'Enter in the search box → the painted frame with the brief and first history entries (Chromium, real server)',
  target: { stat: 'p95', maxMs: 50, scope: 'on the demo data, headless Chromium at 1366×768' },
  standalone: true,
  async run(settings) {
    const browserPath = findChromium();
    if (!browserPath) throw new Error(`pop-to-pixels needs Chromium; install one: ${INSTALL_HINT}`);
    // Measure the renderer as it is now, not an earlier build.
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);

    const pops = Math.min(settings.iterations, POPS);
    const warmup = Math.min(settings.warmup, WARMUP);
    const dataDir = mkdtempSync(join(tmpdir(), 'kept-bench-pop-'));
    const server = await startServerProcess(['--data-dir', dataDir]);
    const browser = await chromium.launch({
      headless: true,
      ...(browserPath.source === 'system' ? { executablePath: browserPath.path } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const { customers: picked, sizes } = pickCustomers(dataDir, settings.seed);
      const customers: PopCustomer[] = [];
      const session = await signIn(server.url, '20001', DEMO_PASSWORD);
      for (const c of picked) {
        const history = await rpc<{ items: HistoryItem[] }>(server.url, session, 'customers.history', { customerId: c.id });
        const brief = await rpc<{ openCases: { number: string }[] }>(server.url, session, 'customers.brief', { customerId: c.id });
        customers.push({ ...c, keys: history.items.map(itemKey), cases: brief.openCases.map((k) => k.number) });
      }

      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      // Signed in as an agent is: the session cookie the sign-in page would have set.
      await context.addCookies([{ ...session, url: server.url }]);
      const page = await context.newPage();
      // tsx (esbuild) wraps named functions in a `__name` helper that does not exist in the page.
      await page.addInitScript({ content: `var __name = (fn) => fn; (${installProbe.toString()})();` });
      await page.goto(server.url);
      const box = page.getByRole('search').getByRole('combobox');
      await box.waitFor();

      const total: number[] = [];
      const request: number[] = [];
      const render: number[] = [];
      const shown: number[] = [];
      let requests = 0;
      const procedures = new Set<string>();
      for (let i = 0; i < warmup + pops; i++) {
        const customer = customers[i % customers.length]!;
        // The previous pop's late work (focus moving to the note box, further reads) must be over, or it
        // can take the focus between typing and Enter. Type until the box holds the number and has the focus.
        for (let attempt = 1; ; attempt++) {
          await page.waitForTimeout(SETTLE_MS);
          await page.keyboard.press('Control+K');
          await box.fill(customer.typed);
          await page.waitForTimeout(SETTLE_MS);
          const ready = await box.evaluate(
            (el, typed) => el === document.activeElement && (el as HTMLInputElement).value === typed,
            customer.typed,
          );
          if (ready) break;
          if (attempt === 5) throw new Error(`The search box would not keep ${customer.typed} and the focus.`);
        }
        await page.evaluate(([name, keys, cases]) => window.__pop!.arm(name, keys, cases), [
          customer.name,
          customer.keys,
          customer.cases,
        ] as const);
        await page.keyboard.press('Enter');
        const timing = await page.evaluate(() => window.__pop!.result!);
        if (i < warmup) continue;
        total.push(timing.totalMs);
        request.push(timing.requestMs);
        render.push(timing.totalMs - timing.requestMs);
        shown.push(timing.shownMs);
        requests += timing.requests.length;
        for (const name of timing.requests) procedures.add(name);
      }

      const [r, p, s] = [sorted(request), sorted(render), sorted(shown)];
      return {
        samplesMs: total,
        details: {
          pops,
          warmup,
          customers: customers.length,
          requestP50Ms: round1(percentile(r, 50)),
          requestP95Ms: round1(percentile(r, 95)),
          renderP50Ms: round1(percentile(p, 50)),
          renderP95Ms: round1(percentile(p, 95)),
          domShownP50Ms: round1(percentile(s, 50)),
          requestsPerPop: round1(requests / pops),
          procedures: [...procedures].sort().join(' '),
          demoData: `${sizes.customers} customers, ${sizes.contacts} contacts, ${sizes.notes} notes, ${sizes.cases} cases`,
          browser: `${browserPath.path} ${browser.version()}`,
        },
      };
    } finally {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
