/**
 * The parties of a matter as intake forms take them: a natural person with a resident ID (GB 11643) or an
 * organisation with a unified social credit code (GB 32100), and a representative. Shared by every line, so the
 * parties registry can take them over in one place.
 */
import { z } from 'zod';
import { creditCode, residentIdNumber, residentIdProblem } from '../identifiers/identifiers.ts';
import { idKinds, orgKinds } from '../parties/identity.ts';
import { choice, enumMeta, optionalText, phone, text } from './fields.ts';

export const partyTypes = { person: '自然人', organisation: '法人或其他组织' } as const;

/** Fields the registry record supplies once a party is picked from it: the form hides them then. */
const fromRecord = { 'x-hideWhenSet': 'partyId' } as const;

/** The shape of each identity document's number, as the issuing authorities print it. */
const idNumberShapes: Record<Exclude<keyof typeof idKinds, 'none' | 'residentId'>, [RegExp, string]> = {
  passport: [/^[A-Z0-9]{5,17}$/, '护照号码应为5至17位字母或数字'],
  hkMacaoPermit: [/^[HM]\d{8,10}$/, '港澳居民来往内地通行证号码应为H或M开头加8至10位数字'],
  taiwanPermit: [/^\d{8}(\d{2})?$/, '台湾居民来往大陆通行证号码应为8位或10位数字'],
  foreignPermanentResident: [/^([A-Z]{3}\d{12}|9\d{16}[\dX])$/, '外国人永久居留身份证号码应为15位或18位'],
};

/**
 * A party: a natural person with an identity document (GB 11643 resident ID, passport, travel permits) or an
 * organisation (GB 32100 unified social credit code), or one picked from the parties registry (partyId).
 */
export const partyField = z
  .object({
    partyId: z.number().int().positive().optional().meta({ title: '当事人档案', 'x-widget': 'party' }),
    partyType: z
      .enum(['person', 'organisation'])
      .default('person') // most parties are people; a new row then opens with the ID number field
      .meta(enumMeta('类型', partyTypes)),
    name: text('姓名/名称', 100),
    idKind: choice('证件类型', idKinds)
      .default('residentId')
      .meta({ 'x-showWhen': { field: 'partyType', in: ['person'] }, ...fromRecord }),
    idNumber: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s+/g, '').toUpperCase())
      .optional()
      .meta({ title: '证件号码', 'x-showWhen': { field: 'partyType', in: ['person'] }, ...fromRecord }),
    creditCode: creditCode()
      .optional()
      .meta({
        title: '统一社会信用代码',
        'x-showWhen': { field: 'partyType', in: ['organisation'] },
        ...fromRecord,
      }),
    orgKind: choice('组织类别', orgKinds)
      .optional()
      .meta({ 'x-showWhen': { field: 'partyType', in: ['organisation'] }, ...fromRecord }),
    legalRepresentative: optionalText('法定代表人/负责人', 50).meta({
      'x-showWhen': { field: 'partyType', in: ['organisation'] },
      ...fromRecord,
    }),
    phone: phone.meta(fromRecord),
    address: optionalText('住所/地址', 200).meta(fromRecord),
  })
  .superRefine((p, ctx) => {
    if (p.partyId) return;
    if (p.partyType === 'person' && p.idKind !== 'none') {
      if (!p.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '自然人应填写证件号码' });
      else if (p.idKind === 'residentId') {
        const problem = residentIdProblem(p.idNumber);
        if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem });
      } else {
        const [shape, message] = idNumberShapes[p.idKind];
        if (!shape.test(p.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message });
      }
    }
    if (p.partyType === 'organisation' && !p.creditCode)
      ctx.addIssue({ code: 'custom', path: ['creditCode'], message: '法人或其他组织应填写统一社会信用代码' });
  });
// The input shape: a caller (the demo, an import) may leave out what has a default.
export type PartyInput = z.input<typeof partyField>;

/** A representative (委托代理人) of a party. */
export const representativeField = z.object({
  name: text('代理人姓名', 50),
  idNumber: residentIdNumber().optional().meta({ title: '公民身份号码' }),
  relation: optionalText('代理关系', 50, '如：律师、近亲属、法定代表人'),
  phone,
});
export type RepresentativeInput = z.infer<typeof representativeField>;
