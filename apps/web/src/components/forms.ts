import type { FormInstance } from 'antd';
import { ApiError } from '../api/problem';
import { fieldMessageOf } from '../i18n/errors';

/**
 * Puts an API validation error's field errors on the form's fields (`costLines.0.amount`
 * → ['costLines', 0, 'amount']); returns false when the error had none to place.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.fields.length) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
  const placed = error.fields
    .filter((f) => f.field && known.has(f.field.split('.')[0]))
    .map((f) => ({
      name: f.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [fieldMessageOf(f)],
    }));
  form.setFields(placed);
  return placed.length > 0;
}
