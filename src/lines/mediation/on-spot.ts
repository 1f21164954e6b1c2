/**
 * Quick registration (简易登记) of what is already done — most of the district's twelve thousand cases a year: a
 * dispute mediated on the spot whose oral agreement the mediator records (人民调解法 第二十八条), registered closed in
 * one step with its 口头协议登记表.
 */
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { mediatorProblemForOrg } from './checks.ts';
import { staff } from './common.ts';
import { caseDetails } from './details.ts';
import { oralRecord } from './documents.ts';
import { disputeTypes } from './labels.ts';
import { type OnSpotInput, onSpotSchema } from './schemas.ts';
import { insertOnSpot, mediationOrganisation, mediationOrganisationIds } from './store.ts';

export const onSpotKind: MatterKindDef<OnSpotInput> = {
  id: 'onSpot',
  label: '当场调解（口头协议）',
  refPrefix: '镇调简',
  states: { closed: { label: '已结案', terminal: true } },
  initial: 'closed',
  details: caseDetails,
  create: {
    label: '简易登记当场调解案件',
    roles: staff,
    schema: onSpotSchema,
    date: (d) => d.receivedOn,
    dateField: 'receivedOn',
    validate: async (tx, d) => {
      const problem = d.mediatorId ? await mediatorProblemForOrg(tx, d.orgId, d.mediatorId) : null;
      return { errors: problem ? [{ field: 'mediatorId', message: problem }] : [], warnings: [] };
    },
    owners: mediationOrganisationIds,
    toMatter: async (d, _actor, tx) => {
      const org = await mediationOrganisation(tx, d.orgId, d.receivedOn);
      const all = [...d.applicants, ...d.respondents];
      return {
        title: `${d.applicants[0]!.name}与${d.respondents[0]!.name}${disputeTypes[d.disputeType]}`,
        ownerOrgId: org.id,
        regionCode: org.region_code,
        openedOn: d.receivedOn,
        searchText: all.map((x) => x.name).join(' '),
        sensitive: true,
      };
    },
    apply: async ({ tx, actor, matter, data, eventId }) => insertOnSpot(tx, actor, matter.id, data, eventId),
    documents: [{ template: oralRecord }],
  },
  actions: {},
};
