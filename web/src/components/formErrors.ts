// Puts a problem+json `errors[]` list onto antd form fields and says what to show above the form.
import type { FormInstance } from 'antd';
import { ApiError } from '../api.ts';
import i18n from '../i18n/index.ts';

type NamePath = (string | number)[];

/** "body.memberships.0.role" → ["memberships", 0, "role"]; handler errors come without the "body." part. */
export function fieldPath(field: string): NamePath {
  return field
    .replace(/^(body|querystring|params)\./, '')
    .split('.')
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/**
 * Marks the fields the server named and returns the message for the form's alert: messages no field
 * took, else the server's detail — except for VALIDATION, whose detail repeats the raw field paths.
 */
export function reportFormError(form: FormInstance, err: unknown, known: readonly string[]): string {
  if (!(err instanceof ApiError)) return i18n.t('error.unknown');
  const leftover: string[] = [];
  const fields: { name: NamePath; errors: string[] }[] = [];
  for (const e of err.errors) {
    const name = fieldPath(e.field);
    if (known.includes(String(name[0]))) fields.push({ name, errors: [e.message] });
    else leftover.push(e.message);
  }
  form.setFields(fields);
  // A long form may have the named field out of view (an applicant's ID number far above the button).
  if (fields[0]) form.scrollToField(fields[0].name, { block: 'center', behavior: 'smooth' });
  if (leftover.length) return leftover.join(i18n.t('common.sentenceSep'));
  if (fields.length && err.code === 'VALIDATION') return i18n.t('error.checkFields');
  return err.detail;
}

/** Server errors have no rule to re-run, so they are cleared by hand once the user edits the field. */
export function clearServerErrors(form: FormInstance, changed: object): void {
  form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
}
