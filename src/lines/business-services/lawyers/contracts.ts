/** Response bodies of the lawyers register's routes. */
import { z } from 'zod';

export const firmRow = z.object({
  id: z.number(),
  name: z.string(),
  licenceNo: z.string(),
  firmForm: z.string(),
  foundedOn: z.string(),
  settledOn: z.string(),
  leftOn: z.string().nullable(),
  partners: z.number(),
  changedOn: z.string().nullable(),
  changeFiledOn: z.string().nullable(),
  /** The last day to file the change of 住所 or 合伙人 (15 days, 律师法 第二十一条第二款). */
  changeFilingDue: z.string().nullable(),
  changeFilingLate: z.boolean(),
  lawyers: z.number(),
  lastRevenue: z.string().nullable(),
  lastRevenueYear: z.number().nullable(),
});

export const lawyerRow = z.object({
  id: z.number(),
  name: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  certificateNo: z.string(),
  lawyerType: z.string(),
  licensedOn: z.string(),
  leftOn: z.string().nullable(),
  foreignRelated: z.boolean(),
  inPool: z.boolean(),
  assignments: z.number(),
});

export const assessmentRow = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  lawyerId: z.number().nullable(),
  lawyerName: z.string().nullable(),
  year: z.number(),
  result: z.string(),
  decidedOn: z.string(),
  note: z.string().nullable(),
});
