/**
 * The review item (合法性审查事项): submission (送审) to a centre, supplements (补充材料), acceptance with reviewers,
 * co-review (协审) by the district centre of a town's item, the opinion (合法性审查意见书) and the submitter's
 * feedback (采纳情况). The actions are in item-actions.ts.
 */
import { rolesOver } from '../../kernel/workflow/access.ts';
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { staff } from './common.ts';
import { itemDetails } from './details.ts';
import { itemActions } from './item-actions.ts';
import { itemKinds } from './labels.ts';
import { type ItemInput, itemSchema } from './schemas.ts';
import { centreIds, insertItem, minimumDays, reviewCentre, shortTimePolicy, submitterOf } from './store.ts';

const shortMessage = (d: ItemInput, min: number) =>
  `送审${itemKinds[d.itemKind]}给予的审查时间为 ${d.offeredDays} 个工作日，少于 ${min} 个工作日的下限（${
    d.itemKind === 'normativeDoc' ? '国办发〔2018〕115号' : '重大行政决策程序暂行条例第二十六条'
  }），应当补足审查时间后方可受理`;

export const itemKind: MatterKindDef<ItemInput> = {
  id: 'item',
  label: '合法性审查事项',
  refPrefix: '镇法审收',
  states: {
    submitted: { label: '待受理' },
    supplementing: { label: '补充材料中' },
    reviewing: { label: '审查中' },
    coReview: { label: '提请区中心协审中' },
    concluded: { label: '已出具审查意见' },
    closed: { label: '已反馈办结', terminal: true },
    withdrawn: { label: '已撤回', terminal: true },
  },
  details: itemDetails,
  initial: 'submitted',
  create: {
    label: '送审登记',
    roles: staff,
    schema: itemSchema,
    date: (d) => d.receivedOn,
    dateField: 'receivedOn',
    owners: centreIds,
    validate: async (tx, d, actor) => {
      const errors: { field: string; message: string }[] = [];
      const warnings: string[] = [];
      const centre = await reviewCentre(tx, d.centreOrgId);
      // The district centre reads the towns' items (line_readers) but does not register them for the town.
      if (centre.level === 'town' && (await rolesOver(tx, actor, centre.id)).size === 0)
        errors.push({ field: 'centreOrgId', message: '镇（街道）的事项由该镇（街道）合法性审查中心登记' });
      if (centre.level === 'town' && d.submitterKind !== 'townOffice')
        errors.push({
          field: 'submitterKind',
          message: '镇（街道）合法性审查中心审查本镇（街道）内设机构和村（社区）的事项',
        });
      if (centre.level === 'district' && d.submitterKind === 'townOffice')
        errors.push({
          field: 'submitterKind',
          message: '镇（街道）内设机构的事项由镇（街道）合法性审查中心审查，疑难事项提请区中心协审',
        });
      await submitterOf(tx, d);
      const min = minimumDays(d.itemKind, d.receivedOn);
      if (min !== null && d.offeredDays < min) {
        if ((await shortTimePolicy(tx)) === 'refuse')
          errors.push({ field: 'offeredDays', message: shortMessage(d, min) });
        else warnings.push(shortMessage(d, min));
      }
      return { errors, warnings };
    },
    toMatter: async (d, _actor, tx) => {
      const centre = await reviewCentre(tx, d.centreOrgId);
      const submitter = await submitterOf(tx, d);
      return {
        title: `${d.itemTitle}（${itemKinds[d.itemKind]}）`,
        ownerOrgId: centre.id,
        // Departments and towns see what they sent (matter scope reads the subject organisation too).
        subjectOrgId: submitter.id,
        regionCode: centre.regionCode,
        openedOn: d.receivedOn,
        searchText: [d.itemTitle, submitter.name].join(' '),
      };
    },
    apply: async ({ tx, matter, data }) => {
      const centre = await reviewCentre(tx, data.centreOrgId);
      const submitter = await submitterOf(tx, data);
      const min = minimumDays(data.itemKind, data.receivedOn);
      await insertItem(tx, matter.id, data, centre, submitter, min !== null && data.offeredDays < min);
    },
  },
  actions: itemActions,
};
