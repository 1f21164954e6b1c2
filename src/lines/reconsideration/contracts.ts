/** Response contracts of the register of 行政复议人员 (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';

export const staffRow = z.object({
  id: z.number(),
  name: z.string(),
  qualification: z.string(),
  certificateNo: z.string().nullable(),
  since: z.string(),
  leftOn: z.string().nullable(),
  cases: z.number(),
  openCases: z.number(),
  leadCases: z.number(),
});

/** An application a person of the register handles (主办 lead / 协办 assistant). */
export const staffCaseRow = z.object({
  matterId: z.number(),
  refNo: z.string(),
  title: z.string(),
  state: z.string(),
  role: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
});
