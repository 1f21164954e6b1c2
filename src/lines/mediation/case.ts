/**
 * The mediation case (调解案件): intake from every source, acceptance, mediators and sessions, the outcome, judicial
 * confirmation, follow-up and closing. Its actions are declared by phase in case-actions.ts.
 */
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { acceptanceActions, afterActions, mediationActions, outcomeActions } from './case-actions.ts';
import { checkCase } from './checks.ts';
import { staff } from './common.ts';
import { caseDetails } from './details.ts';
import { applicationForm } from './documents.ts';
import { disputeTypes, sources } from './labels.ts';
import { type CaseInput, caseSchema } from './schemas.ts';
import {
  insertCase,
  mediationOrganisation,
  mediationOrganisationIds,
  reconsiderationHandOff,
} from './store.ts';

const names = (list: { name: string }[]) =>
  `${list
    .slice(0, 2)
    .map((x) => x.name)
    .join('、')}${list.length > 2 ? `等${list.length}人` : ''}`;

export const caseKind: MatterKindDef<CaseInput> = {
  id: 'case',
  label: '调解案件',
  refPrefix: '镇调',
  states: {
    received: { label: '待受理' },
    accepted: { label: '已受理待指派' },
    mediating: { label: '调解中' },
    suspended: { label: '中止调解' },
    agreed: { label: '已达成协议' },
    confirming: { label: '司法确认中' },
    failed: { label: '调解终止' },
    refused: { label: '不予受理', terminal: true },
    closed: { label: '已结案', terminal: true },
  },
  details: caseDetails,
  initial: 'received',
  create: {
    label: '登记调解案件',
    roles: staff,
    schema: caseSchema,
    date: (d) => d.receivedOn,
    dateField: 'receivedOn',
    validate: checkCase,
    owners: mediationOrganisationIds,
    toMatter: async (d, _actor, tx) => {
      const org = await mediationOrganisation(tx, d.orgId, d.receivedOn);
      const handOff = d.reconsiderationMatterId
        ? await reconsiderationHandOff(tx, d.reconsiderationMatterId)
        : null;
      const applicants = [...(handOff?.applicant_names.map((name) => ({ name })) ?? []), ...d.applicants];
      const respondents = handOff ? [{ name: handOff.respondent }, ...d.respondents] : d.respondents;
      return {
        title: `${names(applicants)}与${names(respondents)}${disputeTypes[d.disputeType]}`,
        ownerOrgId: org.id,
        regionCode: org.region_code,
        subjectOrgId: handOff?.respondent_org_id ?? null,
        openedOn: d.receivedOn,
        // Names and the court's number are searchable; identity numbers never go into free text.
        searchText: [...applicants, ...respondents]
          .map((x) => x.name)
          .concat([d.courtCaseNo ?? '', handOff?.ref_no ?? '', sources[d.source]])
          .filter(Boolean)
          .join(' '),
        sensitive: true,
      };
    },
    apply: async ({ tx, actor, matter, data }) => insertCase(tx, actor, matter.id, data),
    deadlines: [
      {
        op: 'start',
        key: 'courtTerm',
        rule: {
          among: ['tyjt.delegated.term', 'tyjt.entrusted.term.ordinary', 'tyjt.entrusted.term.simple'],
          pick: (d) =>
            d.source === 'courtDelegated'
              ? 'tyjt.delegated.term'
              : d.courtProcedure === 'simple'
                ? 'tyjt.entrusted.term.simple'
                : 'tyjt.entrusted.term.ordinary',
        },
        // 特邀调解规定 第二十七条第三款: from the day the materials the court handed over were signed for.
        from: ({ data }) => data.materialsReceivedOn ?? data.receivedOn,
        when: (d) => d.source === 'courtDelegated' || d.source === 'courtEntrusted',
      },
    ],
    documents: [{ template: applicationForm, when: (d) => d.source === 'application' }],
  },
  actions: {
    ...acceptanceActions,
    ...mediationActions,
    ...outcomeActions,
    ...afterActions,
  },
};
