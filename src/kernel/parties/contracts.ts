/** Response contracts of the parties registry (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';

export const partySummary = z.object({
  id: z.number(),
  partyType: z.enum(['person', 'organisation']),
  name: z.string(),
  idKind: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  creditCode: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  birthDate: z.string().nullable(),
});

export const partyPageSchema = z.object({
  party: partySummary.extend({
    sex: z.enum(['male', 'female']).nullable(),
    address: z.string().nullable(),
    orgKind: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
  }),
  matters: z.array(
    z.object({
      id: z.number(),
      line: z.string(),
      kind: z.string(),
      refNo: z.string(),
      title: z.string(),
      state: z.string(),
      openedOn: z.string(),
      closedOn: z.string().nullable(),
      roles: z.array(z.string()),
    }),
  ),
  /** Restricted lines (社区矫正和安置帮教) whose records this page never shows to this viewer: shown as 受限. */
  restrictedLines: z.array(z.string()),
});
