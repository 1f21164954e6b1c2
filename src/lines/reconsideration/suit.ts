/**
 * Administrative litigation (行政应诉): a suit in which a district organ is the defendant. The reconsideration office
 * coordinates it; the defendant organ sees its own suits (subject organisation). One matter per court case number:
 * an appeal or a retrial is a new matter linked to the earlier instance, whose outcome it supersedes.
 * The periods: 15 days from the receipt of the complaint to file evidence, normative documents and the 答辩状
 * (行政诉讼法第六十七条第一款, 第三十四条第二款), the office's deadline; 15 / 10 days to appeal a judgment / ruling
 * from its service (第八十五条), a party's period.
 */
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { staff } from './application-common.ts';
import { actKinds } from './labels.ts';
import { administrativeOrgan, reconsiderationOffice } from './store.ts';
import { suitActions } from './suit-actions.ts';
import { suitDetails } from './suit-details.ts';
import { instanceCodes, suitInstances } from './suit-labels.ts';
import { CASE_NUMBER, type SuitInput, suitSchema } from './suit-schemas.ts';
import { reconsiderationMatter, reconsiderationOrganRole, suitByCaseNumber } from './suit-store.ts';

export const suitKind: MatterKindDef<SuitInput> = {
  id: 'suit',
  label: '行政应诉案件',
  refPrefix: '镇司应',
  states: {
    pending: { label: '审理中' },
    concluded: { label: '已结案', terminal: true },
  },
  details: suitDetails,
  initial: 'pending',
  create: {
    label: '登记行政应诉案件',
    roles: staff,
    schema: suitSchema,
    date: (d) => d.filedOn,
    dateField: 'filedOn',
    validate: async (tx, d) => {
      const errors: { field: string; message: string }[] = [];
      if (!(await administrativeOrgan(tx, d.defendantOrgId)))
        errors.push({ field: 'defendantOrgId', message: '被告应为机构名录中的行政机关，请从名录中选择' });
      const { rows } = await tx.query(
        'SELECT 1 FROM litigation_suits WHERE court = $1 AND case_number = $2',
        [d.court, d.caseNumber],
      );
      if (rows.length) errors.push({ field: 'caseNumber', message: `${d.court}${d.caseNumber}已经登记` });
      const code = d.caseNumber.match(CASE_NUMBER)?.[2];
      const named = code ? instanceCodes[code] : undefined;
      if (named && named !== d.instance)
        errors.push({
          field: 'instance',
          message: `案号中的“行${code}”表示${suitInstances[named]}，与所选审级“${suitInstances[d.instance]}”不一致`,
        });
      if (d.priorCaseNumber && !(await suitByCaseNumber(tx, d.priorCaseNumber)))
        errors.push({
          field: 'priorCaseNumber',
          message: `原审案号 ${d.priorCaseNumber} 尚未登记，请先登记原审案件`,
        });
      if (
        d.afterReconsideration &&
        d.reconsiderationRefNo &&
        !(await reconsiderationMatter(tx, d.reconsiderationRefNo))
      )
        errors.push({
          field: 'reconsiderationRefNo',
          message: `没有案号为 ${d.reconsiderationRefNo} 的行政复议案件`,
        });
      return { errors, warnings: [] };
    },
    owners: async (db) => [(await reconsiderationOffice(db)).id],
    toMatter: async (d, _actor, tx) => {
      const office = await reconsiderationOffice(tx);
      const defendant = await administrativeOrgan(tx, d.defendantOrgId);
      return {
        title: `${d.plaintiff}诉${defendant?.name ?? ''}${actKinds[d.actKind]}（${suitInstances[d.instance]}）`,
        ownerOrgId: office.id,
        regionCode: office.region_code,
        subjectOrgId: d.defendantOrgId,
        openedOn: d.filedOn,
        searchText: [d.plaintiff, defendant?.name, d.court, d.caseNumber].join(' '),
      };
    },
    apply: async ({ tx, matter, data }) => {
      const linked = data.afterReconsideration
        ? await reconsiderationMatter(tx, data.reconsiderationRefNo)
        : null;
      await tx.query(
        `INSERT INTO litigation_suits (matter_id, court, case_number, instance, defendant_org_id, plaintiff, act_kind,
           filed_on, after_reconsideration, reconsideration_matter_id, reconsideration_organ_role, compensation,
           prior_matter_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          matter.id,
          data.court,
          data.caseNumber,
          data.instance,
          data.defendantOrgId,
          data.plaintiff,
          data.actKind,
          data.filedOn,
          data.afterReconsideration,
          linked?.id ?? null,
          linked ? reconsiderationOrganRole(linked.decisionType) : null,
          /行赔/.test(data.caseNumber),
          await suitByCaseNumber(tx, data.priorCaseNumber),
        ],
      );
    },
    // Art. 67(1): the defendant's 15 days count from its receipt of the complaint, recorded by serveComplaint; a
    // first instance shows the period as not yet started until then.
    deadlines: [
      {
        op: 'start',
        key: 'defence',
        rule: 'xzss.defence.submit',
        from: () => null,
        when: (d) => d.instance === 'first',
      },
    ],
  },
  actions: suitActions,
};
