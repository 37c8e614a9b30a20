import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { STORY_PHONE_DIGITS, STORY_VOUCHER_CASE_NUMBER } from '../../fixtures/demo-ids';

/** The seed customer from the complaint Kept was built for. */
export const SEED = {
  name: '何志明',
  phone: '+86 138 0013 8000',
  contacts: 8,
  standaloneNotes: 1,
  casesOpened: 3,
  oldestNoteText: '已告知就近的中山八路屈臣氏门店',
} as const;

/** The employee number of the person at the test desk; notes the tests write carry it. */
export const DESK_EMPLOYEE_NO = '20001';

/** The one box in the top bar: a caller's number (Enter looks it up) or words to search for. */
export function searchBox(page: Page): Locator {
  return page.getByRole('search').getByRole('combobox');
}

/** The results listed under the search box while the agent types. */
export function searchResults(page: Page): Locator {
  return page.getByRole('listbox', { name: /搜索结果|Search results/ });
}

/** The customer brief above the history. */
export function brief(page: Page): Locator {
  return page.locator('[data-region="customer-brief"]');
}

export function timeline(page: Page): Locator {
  return page.getByRole('feed');
}

export function noteBox(page: Page): Locator {
  return page.locator('#note-body');
}

/** The desk at the run's server, or at `url` (a server the test started itself). */
export async function openDesk(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(searchBox(page)).toBeFocused();
}

/** Ctrl+K, type over whatever is there, Enter: how an agent looks a caller up. */
export async function lookUp(page: Page, raw: string): Promise<void> {
  await page.keyboard.press('Control+K');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type(raw);
  await expect(searchBox(page)).toHaveValue(raw);
  await page.keyboard.press('Enter');
}

export async function openSeedCustomer(page: Page, raw = STORY_PHONE_DIGITS): Promise<void> {
  await lookUp(page, raw);
  await expect(page.getByRole('heading', { level: 1, name: SEED.name })).toBeVisible();
  await expect(page.locator('.customer-phone').first()).toHaveText(SEED.phone);
  await expect(timeline(page).locator('article').first()).toBeVisible();
}

export interface SeenEntry {
  key: string;
  kind: string;
  text: string;
  employeeNos: string[];
}

/**
 * Walks the virtualized timeline from top to bottom and returns every entry it rendered on the
 * way, in order. Only a window of entries exists in the DOM at any moment, so counting the
 * articles on screen would not see them all.
 */
export async function readWholeTimeline(page: Page): Promise<SeenEntry[]> {
  const feed = timeline(page);
  await feed.evaluate((el) => {
    el.scrollTop = 0;
  });
  const seen = new Map<string, SeenEntry>();
  for (let step = 0; step < 500; step++) {
    const batch = await feed.locator('article').evaluateAll((articles) =>
      articles.map((a) => ({
        key: a.getAttribute('data-entry-key') ?? '',
        kind: a.getAttribute('data-kind') ?? '',
        text: a.textContent ?? '',
        employeeNos: Array.from(a.querySelectorAll('[data-employee-no]')).map((n) => n.getAttribute('data-employee-no') ?? ''),
        position: Number(a.getAttribute('aria-posinset')),
      })),
    );
    for (const entry of batch.sort((a, b) => a.position - b.position)) {
      if (!seen.has(entry.key)) seen.set(entry.key, { key: entry.key, kind: entry.kind, text: entry.text, employeeNos: entry.employeeNos });
    }
    const atEnd = await feed.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight * 0.6;
      return el.scrollTop === before;
    });
    // Let the virtualizer render (and the next page arrive) before reading again.
    await page.waitForTimeout(60);
    // The end of what is loaded is the end of the story only once the desk says it has all of it
    // (entries carry their set size then, -1 before): a slow machine may not have asked for the
    // next page yet.
    if (
      atEnd &&
      !(await feed.getAttribute('aria-busy'))?.includes('true') &&
      (await feed.locator('article').first().getAttribute('aria-setsize')) !== '-1'
    )
      break;
  }
  return [...seen.values()];
}

/** The host's view, for checks that must not depend on what the screen shows. */
export async function rpc<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/rpc/${procedure}`, { data: { input } });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${procedure} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** The seed customer's voucher case: the one the complaint is about. */
export const VOUCHER_CASE = STORY_VOUCHER_CASE_NUMBER;

/** The brief's commitments region. */
export function commitments(page: Page): Locator {
  return brief(page).getByRole('region', { name: /^(承诺|Commitments)$/ });
}

/** Chooses a case in the case list, then Alt+F: "What can I offer?" for it. */
export async function openOffers(page: Page, caseNumber = VOUCHER_CASE): Promise<Locator> {
  await page.locator(`.case-option[data-case-number="${caseNumber}"]`).click();
  await page.keyboard.press('Alt+F');
  const dialog = page.getByRole('dialog', { name: /可以给什么|What can I offer/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: /工单|Case/ }).locator('option:checked')).toContainText(caseNumber);
  await expect(dialog.locator('.offer').first()).toBeVisible();
  return dialog;
}

/** One offer card in the panel, by kind: extension, conversion, refund, goodwill. */
export function offer(panel: Locator, kind: 'extension' | 'conversion' | 'refund' | 'goodwill'): Locator {
  return panel.locator(`.offer[data-offer="${kind}"]`);
}

/** A case's id from its number, through the host. */
export async function caseIdOf(request: APIRequestContext, customerPhone: string, number: string, baseUrl = ''): Promise<string> {
  const { customer } = await rpcAt<{ customer: { id: string } | null }>(request, baseUrl, 'customers.lookup', { phone: customerPhone });
  if (!customer) throw new Error(`No customer with ${customerPhone}.`);
  const full = await rpcAt<{ cases: { id: string; number: string }[] }>(request, baseUrl, 'customers.get', { id: customer.id });
  const found = full.cases.find((c) => c.number === number);
  if (!found) throw new Error(`No case ${number}.`);
  return found.id;
}

/** `rpc` against a server the test started itself. */
export async function rpcAt<T>(request: APIRequestContext, baseUrl: string, procedure: string, input: unknown): Promise<T> {
  const response = await request.post(`${baseUrl}/api/rpc/${procedure}`, { data: { input } });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${procedure} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}
