/**
 * The parties of a matter as intake forms take them: a natural person with a resident ID (GB 11643) or an
 * organisation with a unified social credit code (GB 32100), and a representative. Shared by every line, so the
 * parties registry can take them over in one place.
 */
import { z } from 'zod';
import { creditCode, residentIdNumber } from '../identifiers/identifiers.ts';
import { enumMeta, optionalText, phone, text } from './fields.ts';

export const partyTypes = { person: '自然人', organisation: '法人或其他组织' } as const;

/** A party: a natural person (resident ID) or an organisation (unified social credit code). */
export const partyField = z
  .object({
    partyType: z
      .enum(['person', 'organisation'])
      .default('person') // most parties are people; a new row then opens with the ID number field
      .meta(enumMeta('类型', partyTypes)),
    name: text('姓名/名称', 100),
    idNumber: residentIdNumber()
      .optional()
      .meta({ title: '公民身份号码', 'x-showWhen': { field: 'partyType', in: ['person'] } }),
    creditCode: creditCode()
      .optional()
      .meta({ title: '统一社会信用代码', 'x-showWhen': { field: 'partyType', in: ['organisation'] } }),
    phone,
    address: optionalText('住所/地址', 200),
  })
  .superRefine((p, ctx) => {
    if (p.partyType === 'person' && !p.idNumber)
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '自然人应填写公民身份号码' });
    if (p.partyType === 'organisation' && !p.creditCode)
      ctx.addIssue({ code: 'custom', path: ['creditCode'], message: '法人或其他组织应填写统一社会信用代码' });
  });
export type PartyInput = z.infer<typeof partyField>;

/** A representative (委托代理人) of a party. */
export const representativeField = z.object({
  name: text('代理人姓名', 50),
  idNumber: residentIdNumber().optional().meta({ title: '公民身份号码' }),
  relation: optionalText('代理关系', 50, '如：律师、近亲属、法定代表人'),
  phone,
});
export type RepresentativeInput = z.infer<typeof representativeField>;
