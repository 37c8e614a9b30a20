import { expect, type APIRequestContext, type Page, test } from '@playwright/test';
import { lookUp, openDesk, rpc, timeline } from './support/desk';

interface Customer {
  id: string;
}
interface CaseSummary {
  id: string;
  number: string;
  version: number;
}
interface Contact {
  id: string;
}

/** A customer of the test's own (199 numbers are never in the demo set), with two cases and one call. */
async function customerWithCases(request: APIRequestContext) {
  const tail = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const phone = `199${tail}`;
  const customer = await rpc<Customer>(request, 'customers.create', { name: '工单测试客户', phone });
  const billing = await rpc<CaseSummary>(request, 'cases.create', {
    customerId: customer.id,
    title: '话费账单多扣费',
    category: 'billing',
    priority: 'normal',
  });
  const network = await rpc<CaseSummary>(request, 'cases.create', {
    customerId: customer.id,
    title: '家中信号差',
    category: 'network',
    priority: 'normal',
  });
  const call = await rpc<Contact>(request, 'contacts.log', {
    customerId: customer.id,
    caseIds: [billing.id],
    note: '客户来电：本月话费多扣38元，同时反映家中信号差。',
  });
  return { phone, customer, billing, network, call };
}

async function openCaseView(page: Page, number: string) {
  await page
    .getByRole('region', { name: '客户简报' })
    .getByRole('button', { name: new RegExp(number) })
    .click();
  const dialog = page.getByRole('dialog', { name: new RegExp(number) });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a case is edited in its view; the change is listed with who made it, old and new, in words', async ({ page, request }) => {
  const { phone, billing } = await customerWithCases(request);
  await openDesk(page);
  await lookUp(page, phone);
  const dialog = await openCaseView(page, billing.number);
  await expect(dialog.getByRole('tab', { name: /变更记录 0/ })).toBeVisible();

  await dialog.getByLabel('状态').selectOption({ label: '待内部处理' });
  await dialog.getByLabel('优先级').selectOption({ label: '高' });
  await dialog.getByRole('button', { name: '保存修改' }).click();
  await expect(dialog.getByRole('status')).toHaveText('修改已保存。');

  await dialog.getByRole('tab', { name: /变更记录/ }).click();
  const changes = dialog.locator('.case-change');
  await expect(changes).toHaveCount(2);
  await expect(changes.filter({ hasText: '状态' })).toContainText('处理中');
  await expect(changes.filter({ hasText: '状态' })).toContainText('待内部处理');
  await expect(changes.filter({ hasText: '优先级' })).toContainText('普通');
  await expect(changes.filter({ hasText: '优先级' }).locator('.case-change-to')).toHaveText('高');
  await expect(changes.first()).toContainText('林晓 · 工号 20001');

  // Nothing changed: nothing is sent, and the agent is told.
  await dialog.getByRole('button', { name: '保存修改' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('没有需要保存的改动。');
});

test('when someone else changed the case first, the agent is told plainly, sees the new version, and keeps their edit', async ({
  page,
  request,
}) => {
  const { phone, billing } = await customerWithCases(request);
  await openDesk(page);
  await lookUp(page, phone);
  const dialog = await openCaseView(page, billing.number);
  await dialog.getByLabel('工单标题').fill('话费账单多扣38元');

  // Another desk resolves the case while this agent is still editing the title.
  await rpc(request, 'cases.update', { id: billing.id, version: billing.version, status: 'resolved' });
  await expect(dialog.locator('.case-view-badges')).toContainText('已解决');

  await dialog.getByRole('button', { name: '保存修改' }).click();
  await expect(dialog.getByRole('alert')).toContainText('这个工单刚被 林晓（工号 20001）修改过');
  await expect(dialog.getByLabel('工单标题')).toHaveValue('话费账单多扣38元');
  await expect(dialog.getByLabel('状态')).toHaveValue('resolved');

  await dialog.getByRole('button', { name: '保存修改' }).click();
  await expect(dialog.getByRole('status')).toHaveText('修改已保存。');
  await expect(dialog.getByRole('heading', { name: /话费账单多扣38元/ })).toBeVisible();
});

test('a call is linked to another of the customer’s cases from its entry in the history', async ({ page, request }) => {
  const { phone, billing, network } = await customerWithCases(request);
  await openDesk(page);
  await lookUp(page, phone);
  const entry = timeline(page).locator('article[data-kind="contact"]', { hasText: '本月话费多扣38元' });
  await expect(entry.locator('.case-chip')).toHaveText([billing.number]);

  await entry.hover();
  await entry.getByRole('button', { name: '关联工单' }).click();
  const dialog = page.getByRole('dialog', { name: '关联工单' });
  await expect(dialog.getByRole('checkbox', { name: new RegExp(billing.number) })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: new RegExp(billing.number) })).toBeChecked();
  await dialog.getByRole('button', { name: '关联', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('请至少选择一个工单。');
  await dialog.getByRole('checkbox', { name: new RegExp(network.number) }).click();
  await dialog.getByRole('button', { name: '关联', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(entry.locator('.case-chip')).toHaveCount(2);
  await expect(entry.locator('.case-chip', { hasText: network.number })).toBeVisible();
  const view = await openCaseView(page, network.number);
  await view.getByRole('tab', { name: /联系记录/ }).click();
  await expect(view.locator('[data-contact-id]')).toContainText('本月话费多扣38元');
});
