/**
 * The legal-aid case (法律援助案件) as two kinds sharing their actions: an application (申请, also a detained person's
 * forwarded one) reviewed within the statutory period, and a notice (通知辩护/代理) from a court, procuratorate or
 * public security organ, accepted on receipt and assigned within 3 days. The actions are in case-actions.ts.
 */

import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { caseActions, objectionActions, staff, states } from './case-actions.ts';

/** A notice is accepted on receipt: no review, so none of the review's decisions. */
const { grant: _g, refuse: _r, advance: _a, ...noticeActions } = caseActions;

import { caseDetails } from './details.ts';
import { forwarding, LATE_FORWARD_TAG, lateForwardingWarning } from './forwarding.ts';
import { caseTypes } from './labels.ts';
import { pickByCounting } from './rules.ts';
import { type ApplicationInput, applicationSchema, type NoticeInput, noticeSchema } from './schemas.ts';
import { CENTRE_CODE, centre, insertApplication, insertNotice, stationOpen } from './store.ts';

/** Where legal-aid matters are registered: the legal-aid centre (create.owners), none before it exists. */
const centreOwners = async (db: Queryable) => {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM orgs WHERE code = $1', [CENTRE_CODE]);
  return rows.map((r) => Number(r.id));
};

const personName = (p: { name?: string }) => p.name ?? '';

export const applicationKind: MatterKindDef<ApplicationInput> = {
  id: 'application',
  label: '法律援助申请',
  refPrefix: '镇法援申',
  states,
  initial: 'reviewing',
  details: caseDetails,
  create: {
    label: '登记法律援助申请',
    roles: staff,
    schema: applicationSchema,
    date: (d) => d.receivedOn,
    dateField: 'receivedOn',
    owners: centreOwners,
    validate: async (tx, d) => {
      const errors: { field: string; message: string }[] = [];
      const warnings: string[] = [];
      if (d.stationOrgId && !(await stationOpen(tx, d.stationOrgId, d.receivedOn)))
        errors.push({ field: 'stationOrgId', message: '受理站点不在公共法律服务站点名录中，或当日未开放' });
      if (d.visitId) {
        const { rows } = await tx.query<{ matter_id: number | null }>(
          'SELECT matter_id FROM legal_aid_visits WHERE id = $1',
          [d.visitId],
        );
        if (!rows[0]) errors.push({ field: 'visitId', message: '来访登记不存在' });
        else if (rows[0].matter_id) errors.push({ field: 'visitId', message: '该来访已转为法律援助申请' });
      }
      // 第三十九条第一款: the organ holding the applicant forwards within 24 clock hours; a later arrival is recorded,
      // not refused (the applicant is not to lose aid for the organ's delay).
      const f = forwarding(d);
      if (f && f.lateMinutes > 0) warnings.push(lateForwardingWarning(f));
      return { errors, warnings };
    },
    toMatter: async (d, _actor, tx) => {
      const c = await centre(tx);
      return {
        title: `${personName(d.applicant)}申请法律援助（${caseTypes[d.caseType]}）`,
        ownerOrgId: c.id,
        regionCode: c.region_code,
        openedOn: d.receivedOn,
        searchText: [
          personName(d.applicant),
          caseTypes[d.caseType],
          ...((forwarding(d)?.lateMinutes ?? 0) > 0 ? [LATE_FORWARD_TAG] : []),
        ].join(' '),
        sensitive: true,
      };
    },
    apply: async ({ tx, actor, matter, data }) =>
      insertApplication(tx, actor, matter.id, matter.ownerOrgId, data),
    deadlines: [
      {
        op: 'start',
        key: 'review',
        rule: pickByCounting('flyz.review.working', 'flyz.review'),
      },
    ],
  },
  actions: { ...caseActions, ...objectionActions },
};

export const noticeKind: MatterKindDef<NoticeInput> = {
  id: 'notice',
  label: '通知辩护/代理',
  refPrefix: '镇法援通',
  states,
  initial: 'assigning',
  details: caseDetails,
  create: {
    label: '登记通知辩护/代理',
    roles: staff,
    schema: noticeSchema,
    date: (d) => d.receivedOn,
    dateField: 'receivedOn',
    owners: centreOwners,
    toMatter: async (d, _actor, tx) => {
      const c = await centre(tx);
      if (!d.notifyingOrgan) throw new AppError('VALIDATION', '请填写通知机关');
      return {
        title: `${d.notifyingOrgan}通知为${personName(d.applicant)}提供法律援助（${caseTypes[d.caseType]}）`,
        ownerOrgId: c.id,
        regionCode: c.region_code,
        openedOn: d.receivedOn,
        searchText: [personName(d.applicant), d.notifyingOrgan, d.noticeNo ?? ''].join(' '),
        sensitive: true,
      };
    },
    apply: async ({ tx, actor, matter, data }) => insertNotice(tx, actor, matter.id, matter.ownerOrgId, data),
    deadlines: [
      {
        op: 'start',
        key: 'assign',
        rule: pickByCounting('flyz.criminal.assign.working', 'flyz.criminal.assign'),
      },
    ],
  },
  actions: noticeActions,
};
