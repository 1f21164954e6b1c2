/**
 * The 行政复议 application: its states and its intake. Its actions are declared by phase beside it:
 * application-acceptance.ts, -hearing.ts, -pauses.ts and -outcome.ts.
 */
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { acceptanceActions } from './application-acceptance.ts';
import { staff } from './application-common.ts';
import { followUpActions } from './application-follow-up.ts';
import { handlerActions } from './application-handlers.ts';
import { hearingActions } from './application-hearing.ts';
import { incidentalActions } from './application-incidental.ts';
import { outcomeActions } from './application-outcome.ts';
import { pauseActions } from './application-pauses.ts';
import { serviceActions } from './application-service.ts';
import { applicationDetails } from './details.ts';
import { receipt } from './documents.ts';
import { checkApplication, lateApplicationWarnings } from './intake-checks.ts';
import { actKinds } from './labels.ts';
import { type ApplicationInput, applicationSchema } from './schemas.ts';
import { administrativeOrgan, insertApplication, reconsiderationOffice } from './store.ts';

export const applicationKind: MatterKindDef<ApplicationInput> = {
  id: 'application',
  label: '行政复议案件',
  refPrefix: '镇司复收',
  states: {
    received: { label: '待受理审查' },
    awaitingSupplement: { label: '待补正' },
    review: { label: '审理中' },
    suspended: { label: '中止审理' },
    refused: { label: '不予受理', terminal: true },
    redirected: { label: '已告知向有权机关申请', terminal: true },
    abandoned: { label: '视为放弃申请', terminal: true },
    decided: { label: '已作出决定', terminal: true },
    mediated: { label: '调解结案', terminal: true },
    terminated: { label: '已终止', terminal: true },
  },
  details: applicationDetails,
  initial: 'received',
  create: {
    label: '登记行政复议申请',
    roles: staff,
    schema: applicationSchema,
    date: (d) => d.receivedOn,
    dateField: 'receivedOn',
    validate: checkApplication,
    owners: async (db) => [(await reconsiderationOffice(db)).id],
    toMatter: async (d, _actor, tx) => {
      const office = await reconsiderationOffice(tx);
      const respondent = await administrativeOrgan(tx, d.respondentOrgId);
      const names = d.applicants.map((a) => a.name);
      return {
        title: `${names.slice(0, 3).join('、')}${names.length > 3 ? `等${names.length}人` : ''}不服${respondent?.name ?? ''}${actKinds[d.actKind]}`,
        ownerOrgId: office.id,
        regionCode: office.region_code,
        openedOn: d.receivedOn,
        // Names and the act are searchable; identity numbers are not put in free text.
        searchText: [...names, ...d.thirdParties.map((t) => t.name), respondent?.name, d.actTitle, d.actDocNo]
          .filter(Boolean)
          .join(' '),
        sensitive: true,
      };
    },
    apply: async ({ tx, actor, matter, data }) =>
      insertApplication(
        tx,
        actor,
        matter.id,
        matter.ownerOrgId,
        data,
        (await lateApplicationWarnings(tx, data)).join('\n') || null,
      ),
    deadlines: [
      { op: 'start', key: 'acceptance', rule: 'xzfy.accept.review' },
      // Art. 32(2): the penalty organ's five working days to forward, from its receipt, met on the day it arrives.
      {
        op: 'start',
        key: 'forwarding',
        rule: 'xzfy.forward.onsite-penalty',
        from: ({ data }) => data.penaltyOrganReceivedOn ?? data.receivedOn,
        when: (d) => d.viaPenaltyOrgan,
      },
      { op: 'meet', key: 'forwarding', when: (d) => d.viaPenaltyOrgan },
    ],
    // The applicant's proof that the application arrived (收件回执), issued by the 复议机构 on the day of receipt.
    documents: [{ template: receipt }],
  },
  actions: {
    ...acceptanceActions,
    ...hearingActions,
    ...pauseActions,
    ...outcomeActions,
    ...serviceActions,
    ...incidentalActions,
    ...followUpActions,
    ...handlerActions,
  },
};
