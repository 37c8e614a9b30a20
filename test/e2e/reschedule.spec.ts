import { expect, test } from '@playwright/test';
import { commitments, lookUp, openDesk, rpc } from './support/desk';

test('a promise moved to a new deadline the customer agreed to: the customer is told, and the promise stays open', async ({
  page,
  request,
}) => {
  const tail = String(Date.now() % 1e8).padStart(8, '0');
  const customer = await rpc<{ id: string }>(request, 'customers.create', { name: '宋佳怡', phone: `135${tail}` });
  const kase = await rpc<{ id: string; number: string }>(request, 'cases.create', {
    customerId: customer.id,
    title: '宽带迁移预约',
    category: 'network',
  });
  const wording = '周三前上门完成宽带迁移';
  await rpc(request, 'commitments.create', { caseId: kase.id, kind: 'other', wording });

  await openDesk(page);
  await lookUp(page, `135${tail}`);
  await commitments(page).locator('.commitment-line', { hasText: wording }).click();
  const caseView = page.getByRole('dialog', { name: new RegExp(kase.number) });
  const promise = caseView.locator('.case-commitment', { hasText: wording });
  await promise.getByRole('button', { name: '改期' }).click();

  const form = promise.getByRole('form', { name: '改期' });
  // No reason: refused with the field named, nothing sent to the customer.
  await form.getByRole('button', { name: '确认改期并短信告知' }).click();
  await expect(form.getByRole('alert')).toContainText('改期原因');
  await expect(promise.locator('.message')).toHaveCount(1);

  // Five days on, at 18:00 in Beijing: later than the first deadline (three days), within how far policy lets a promise move.
  const day = new Date(Date.now() + 5 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const [year, month, date] = day.split('-').map(Number);
  await form.getByLabel('新的完成期限').fill(`${day}T18:00`);
  await form.getByLabel(/改期原因/).fill('师傅排期已满，客户同意改到下周');
  await form.getByRole('button', { name: '确认改期并短信告知' }).click();
  await expect(form).toBeHidden();

  await expect(promise).toHaveAttribute('data-status', 'open');
  const notice = promise.locator('.message', { hasText: '改期通知' });
  await expect(notice.locator('.message-body')).toContainText(
    `工单${kase.number}的承诺“${wording}”经与您确认，完成期限改为${year}/${month}/${date} 18:00`,
  );
  await expect(notice.locator('.message-body')).toContainText('师傅排期已满，客户同意改到下周');
  await expect(notice.locator('.message-status')).toHaveText('待发送');
  await expect(promise.locator('.commitment-due')).toContainText(`${month}月${date}日`);
});
