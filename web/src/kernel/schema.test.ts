import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applicationSchema, decideSchema } from '../../../src/lines/reconsideration/schemas.ts';
import { initialValues, type JsonSchema, newRow, toPayload } from './schema.ts';

/** The JSON Schema the browser receives from GET /api/lines. */
const asServed = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;

describe('a form opened from a line schema', () => {
  it('leaves the decision type empty: a 复议决定 is chosen, never defaulted to the first option', () => {
    const values = initialValues(asServed(decideSchema));
    expect(values.decisionType).toBeUndefined();
  });

  it('opens the intake form with one applicant row, a person by default, and the duplicate box unticked', () => {
    const schema = asServed(applicationSchema);
    const values = initialValues(schema);
    expect(values.applicants).toEqual([expect.objectContaining({ partyType: 'person' })]);
    expect(values.representatives).toEqual([]);
    expect(values.allowDuplicate).toBe(false);
    expect(newRow(schema.properties!.thirdParties!)).toMatchObject({ partyType: 'person' });
  });

  it('drops a field hidden by its condition, so an organisation sends no stale ID number', () => {
    const row = asServed(applicationSchema).properties!.applicants!.items!;
    const payload = toPayload(row, {
      partyType: 'organisation',
      name: '宁波某某贸易有限公司',
      idNumber: '330211199001011236',
      creditCode: '91330211MA2CF0A31X',
    });
    expect(payload).not.toHaveProperty('idNumber');
    expect(payload.creditCode).toBe('91330211MA2CF0A31X');
  });
});
