import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared';
import { describeError } from '../../../renderer/src/errors/describe-error';
import { describePolicyError } from '../../../renderer/src/features/policy/policy-error';
import { translator } from './i18n';

describe('a refused policy draft, in words', () => {
  it('names the file and the host’s problem', async () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const t = await translator(lng);
      const error = new AppError('invalid_input', 'Policy bundle refused: remedies.json: not valid JSON (Unexpected end)', [
        { path: 'files.remedies.json', message: 'not valid JSON (Unexpected end)' },
      ]);
      const words = describePolicyError(error, t);
      expect(words).toBe(t('policyAdmin.refused', { file: 'remedies.json', problem: 'not valid JSON (Unexpected end)' }));
      expect(words).toContain('remedies.json');
      expect(words).toContain('not valid JSON');
    }
  });

  it('says an unchanged draft is nothing to publish, and leaves every other failure to the desk’s words', async () => {
    const t = await translator('en');
    expect(describePolicyError(new AppError('conflict', 'x', [{ path: 'files', message: 'unchanged' }]), t)).toBe(
      t('policyAdmin.unchanged'),
    );
    const forbidden = new AppError('forbidden', 'Your role (agent) may not call policy.publish.');
    expect(describePolicyError(forbidden, t)).toBe(describeError(forbidden, t));
    expect(describePolicyError(new Error('network'), t)).toBe(t('error.internal'));
  });
});
