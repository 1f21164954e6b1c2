import { Alert, Form } from 'antd';
import type { JsonSchema } from '../../kernel/schema.ts';

/**
 * What the chosen value means, from the schema's `x-enumNotes` (e.g. whether a decision type counts as 纠错),
 * shown under the choice as soon as it is made, so the clerk confirms it before submitting.
 */
export function ChoiceNote({
  schema,
  path,
  testId,
}: {
  schema: JsonSchema;
  path: (string | number)[];
  testId: string;
}) {
  const form = Form.useFormInstance();
  const value: unknown = Form.useWatch(path, form);
  const note = value == null ? undefined : schema['x-enumNotes']?.[String(value)];
  if (!note) return null;
  return (
    <Alert type="info" showIcon title={note} className="schema-choice-note" data-testid={`${testId}-note`} />
  );
}
