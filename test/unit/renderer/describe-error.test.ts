import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared';
import { describeError, fieldOf, fieldsAtFault, isPhoneInvalid, isStaleVersion } from '../../../renderer/src/errors/describe-error';
import { translator } from './i18n';

describe('describeError', () => {
  it('names the issue and the field when the host named an issue the desk knows', async () => {
    const t = await translator('en');
    const error = new AppError('invalid_input', 'phone: phone_invalid', [{ path: 'phone', message: 'phone_invalid' }]);
    expect(describeError(error, t)).toBe(t('issue.phone_invalid', { field: t('field.phone') }));
    expect(describeError(error, t)).toContain('valid mobile number');
  });

  it('uses the form’s own word for a field when it gives one', async () => {
    const t = await translator('en');
    const error = new AppError('invalid_input', 'x', [{ path: 'title', message: 'required' }]);
    expect(describeError(error, t, { title: 'Incident title' })).toBe(t('issue.required', { field: 'Incident title' }));
  });

  it('says each issue once, however often the host repeated it', async () => {
    const t = await translator('en');
    const issue = { path: 'body', message: 'required' };
    const error = new AppError('invalid_input', 'x', [issue, issue]);
    expect(describeError(error, t)).toBe(t('issue.required', { field: t('field.body') }));
  });

  it('falls back to the sentence for the code when no issue is known, and never shows the host’s own message', async () => {
    const t = await translator('en');
    const error = new AppError('not_found', 'SELECT * FROM customers failed', [{ path: 'x', message: 'weird_internal_thing' }]);
    expect(describeError(error, t)).toBe(t('error.not_found'));
    expect(describeError(error, t)).not.toContain('SELECT');
  });

  it('calls anything that is not the host’s error an internal error', async () => {
    const t = await translator('zh-CN');
    expect(describeError(new TypeError('fetch failed'), t)).toBe(t('error.internal'));
    expect(describeError('boom', t)).toBe(t('error.internal'));
  });
});

describe('error predicates', () => {
  it('isPhoneInvalid is true only for the phone_invalid issue', () => {
    expect(isPhoneInvalid(new AppError('invalid_input', 'x', [{ path: 'phone', message: 'phone_invalid' }]))).toBe(true);
    expect(isPhoneInvalid(new AppError('invalid_input', 'x', [{ path: 'phone', message: 'required' }]))).toBe(false);
    expect(isPhoneInvalid(new Error('phone_invalid'))).toBe(false);
  });

  it('isStaleVersion needs both the conflict code and the stale_version issue', () => {
    expect(isStaleVersion(new AppError('conflict', 'x', [{ path: 'version', message: 'stale_version' }]))).toBe(true);
    expect(isStaleVersion(new AppError('invalid_input', 'x', [{ path: 'version', message: 'stale_version' }]))).toBe(false);
    expect(isStaleVersion(new AppError('conflict', 'x'))).toBe(false);
  });

  it('fieldsAtFault lists the top-level fields the issues name', () => {
    const error = new AppError('invalid_input', 'x', [
      { path: 'supplied.voucherValue', message: 'negative' },
      { path: 'wording', message: 'too_long' },
    ]);
    expect([...fieldsAtFault(error)].sort()).toEqual(['supplied', 'wording']);
    expect(fieldsAtFault(new Error('x')).size).toBe(0);
  });

  it('fieldOf maps an unknown path to the input as a whole', () => {
    expect(fieldOf('caseIds.0')).toBe('caseIds');
    expect(fieldOf('somethingElse')).toBe('input');
  });
});
