import type { TFunction } from 'i18next';
import { caseFieldName, caseFieldValue } from '../../format/case-change';

/** i18next keys are dotted paths, so `cases.update` finds `audit.action.cases.update` as it is. */
function known(t: TFunction, key: string): string | null {
  const text = t(key, { defaultValue: '' });
  return typeof text === 'string' && text !== '' ? text : null;
}

/** A mutation's name in words ("修改案件"); a name this desk does not know is shown as it came. */
export function actionWords(action: string, t: TFunction): string {
  return known(t, `audit.action.${action}`) ?? action;
}

export function entityWords(entity: string, t: TFunction): string {
  return known(t, `audit.entity.${entity}`) ?? entity;
}

/** A recorded field's name: the case view's words for case fields, the audit screen's for the rest. */
export function fieldWords(field: string, t: TFunction): string {
  const asCase = caseFieldName(field, t);
  if (asCase !== field) return asCase;
  return known(t, `audit.field.${field}`) ?? field;
}

/** A recorded value as a person reads it: enum values in words, text as written, anything else as compact JSON. */
export function valueWords(field: string, value: unknown, t: TFunction): string {
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return caseFieldValue(field, value, t);
}
