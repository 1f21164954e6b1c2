/**
 * The line's GB/T 9704 documents. The 社区矫正机构 that the law names (社区矫正法 第九条: set up by the district
 * government; 实施办法 2020) speaks in them: the kernel's issuer, by default the bureau above the 司法所 (the profile's
 * docIssuer.<template> names the district's 社区矫正机构 where it has its own name). The subject is named in full only
 * inside the document, with the identity number masked. User text is passed as plain text.
 */
import type { z } from 'zod';
import type { OfficialDocSpec } from '../../kernel/documents/index.ts';
import { chineseDate, defineTemplate } from '../../kernel/workflow/templates.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { assessmentOpinions, behaviours, correctionTypes, employments, levels } from './labels.ts';
import type {
  announceSchema,
  contactSchema,
  decideLeaveSchema,
  opinionSchema,
  releaseSchema,
  sanctionSchema,
} from './schemas.ts';
import { type SubjectFacts, subjectFacts } from './store.ts';

const LAW = '《中华人民共和国社区矫正法》';
const p = (text: string) => ({ type: 'paragraph' as const, text });
type Body = OfficialDocSpec['body'];
type In<S extends z.ZodType> = z.output<S>;
const typeLabel = (t: string) => correctionTypes[t as keyof typeof correctionTypes] ?? t;

/** 张三，男，1990年1月1日出生，公民身份号码330211********1234，住… */
const personLine = (
  role: string,
  x: {
    name: string;
    sex: string | null;
    birthDate: string | null;
    idMasked: string | null;
    address: string | null;
  },
) => {
  const bits = [x.name];
  if (x.sex) bits.push(x.sex === 'male' ? '男' : '女');
  if (x.birthDate) bits.push(`${chineseDate(x.birthDate)}出生`);
  if (x.idMasked) bits.push(`公民身份号码${x.idMasked}`);
  if (x.address) bits.push(`住${x.address}`);
  return p(`${role}：${bits.join('，')}。`);
};
/** How the decision placed the person under correction, in the words of its kind (社区矫正法 第二条). */
const decided: Record<string, (offence: string) => string> = {
  control: (o) => `以${o}判处其管制`,
  probation: (o) => `以${o}判处其刑罚并宣告缓刑`,
  parole: (o) => `对其因${o}被判处的刑罚裁定假释`,
  medicalParole: (o) => `对其因${o}被判处的刑罚决定暂予监外执行`,
};
const caseLine = (f: SubjectFacts) =>
  p(
    `${f.decisionOrgan}以${f.decisionNo}${(decided[f.type] ?? decided.probation!)(f.offence)}，社区矫正期限自${chineseDate(f.termStart)}起至${chineseDate(f.termEnd)}止，由${f.office}负责日常管理。`,
  );

function subjectTemplate<P>(
  id: string,
  title: string,
  prefix: string,
  build: (
    f: SubjectFacts,
    data: P,
    ctx: { db: Queryable; issuedOn: string },
  ) => { title?: string; recipient?: string; body: Body },
) {
  return defineTemplate<P>({
    id: `communityCorrection.${id}`,
    title,
    defaultPrefix: prefix,
    render: async ({ tx, matter, data, issuedOn }) => {
      const f = await subjectFacts(tx, matter.id);
      const built = build(f, data, { db: tx, issuedOn });
      return {
        title: built.title ?? title,
        ...(built.recipient ? { recipient: built.recipient } : {}),
        body: built.body,
      };
    },
  });
}

/** 社区矫正宣告书 (入矫宣告, 社区矫正法 第二十二条 [V: 宣告 under 实施办法 — numbering unverified]). */
export const announcementDoc = subjectTemplate<In<typeof announceSchema>>(
  'announcement',
  '社区矫正宣告书',
  '镇社矫宣',
  (f, d) => ({
    body: [
      personLine('社区矫正对象', f),
      caseLine(f),
      p(`依照${LAW}的规定，现宣告对其依法实行社区矫正。`),
      p(
        `矫正小组由${d.team}组成。社区矫正对象应当遵守法律、行政法规，履行判决、裁定、暂予监外执行决定等法律文书确定的义务，遵守国务院司法行政部门关于报告、会客、外出、迁居、保外就医等监督管理规定，服从社区矫正机构的管理。`,
      ),
      p(
        '社区矫正对象依法享有的人身权利、财产权利和其他权利不受侵犯，在就业、就学和享受社会保障等方面不受歧视。',
      ),
    ],
  }),
);

/** 矫正方案 with its category (分类管理, 社区矫正法 第二十四条). */
export const planDoc = subjectTemplate<In<typeof announceSchema>>(
  'plan',
  '社区矫正方案',
  '镇社矫方',
  (f, d) => ({
    body: [
      personLine('社区矫正对象', f),
      caseLine(f),
      p(`管理等级：${levels[d.level]}。`),
      p(`矫正小组：${d.team}。`),
      p(`矫正措施：${d.plan}`),
      p(
        `本方案根据社区矫正对象的被判处刑罚的种类、犯罪情况、悔罪表现、个性特征和生活环境等情况制定（${LAW}第二十四条），并根据其表现等情况相应调整。`,
      ),
    ],
  }),
);

/** 外出审批表: the decision on a leave application, at the level the days asked for require. */
export const leaveApprovalDoc = defineTemplate<In<typeof decideLeaveSchema>>({
  id: 'communityCorrection.leaveApproval',
  title: '社区矫正对象外出审批表',
  defaultPrefix: '镇社矫外',
  render: async ({ tx, matter, data }) => {
    const f = await subjectFacts(tx, matter.id);
    const { rows } = await tx.query<{
      leave_from: string;
      leave_to: string;
      days: number;
      destination: string;
      reason: string;
      approver: string;
    }>(
      `SELECT leave_from::text, leave_to::text, days, destination, reason, approver FROM correction_leaves
       WHERE matter_id = $1 ORDER BY id DESC LIMIT 1`,
      [matter.id],
    );
    const l = rows[0]!;
    const by = l.approver === 'office' ? `${f.office}（受区社区矫正机构委托）` : '区社区矫正机构';
    return {
      title: '社区矫正对象外出审批表',
      body: [
        personLine('社区矫正对象', f),
        p(
          `矫正类别：${typeLabel(f.type)}；矫正期限：${chineseDate(f.termStart)}至${chineseDate(f.termEnd)}。`,
        ),
        p(`外出时间：${chineseDate(l.leave_from)}至${chineseDate(l.leave_to)}，共${l.days}日。`),
        p(`外出目的地：${l.destination}。`),
        p(`外出事由：${l.reason}`),
        p(`审批机关：${by}。审批意见：${data.approve ? '同意外出' : '不同意外出'}。${data.opinion}`),
        ...(data.approve
          ? [p('社区矫正对象应当按期返回，外出期间遵守监督管理规定，并于返回后及时报告。')]
          : []),
      ],
    };
  },
});

/** 警告决定书 (社区矫正法 第二十八条). */
export const warningDecision = subjectTemplate<In<typeof sanctionSchema>>(
  'warning',
  '警告决定书',
  '镇社矫警',
  (f, d) => ({
    body: [
      personLine('社区矫正对象', f),
      caseLine(f),
      p(`经查，社区矫正对象${f.name}${d.facts}。其行为属于“${behaviours[d.behaviour].label}”的情形。`),
      p(`依照${LAW}第二十八条的规定，决定给予${f.name}警告。`),
      ...(d.justification ? [p(`适用裁量基准的说明：${d.justification}`)] : []),
      p('社区矫正对象应当认真改正。再有违反监督管理规定情形的，将依法从重处理。'),
    ],
  }),
);

/** 提请撤销缓刑（假释）建议书 / 提请收监执行建议书 (社区矫正法 第四十六条、第四十九条). */
export const revocationProposal = subjectTemplate<In<typeof sanctionSchema>>(
  'revocation',
  '提请撤销缓刑建议书',
  '镇社矫撤',
  (f, d) => {
    const recall = d.measure === 'recall';
    const what = recall ? '收监执行' : `撤销${typeLabel(f.type)}`;
    return {
      title: recall ? '提请收监执行建议书' : `提请撤销${typeLabel(f.type)}建议书`,
      recipient: `${f.decisionOrgan}：`,
      body: [
        personLine('社区矫正对象', f),
        caseLine(f),
        p(`社区矫正对象${f.name}在社区矫正期间${d.facts}，属于“${behaviours[d.behaviour].label}”的情形。`),
        p(`依照${LAW}第${recall ? '四十九' : '四十六'}条的规定，建议对社区矫正对象${f.name}${what}。`),
        ...(d.justification ? [p(`适用裁量基准的说明：${d.justification}`)] : []),
        p(
          `请依法${recall ? '作出决定' : '自收到本建议书之日起三十日内作出裁定'}。本建议书同时抄送同级人民检察院和执行地公安机关。`,
        ),
      ],
    };
  },
);

/** 解除社区矫正证明书 (社区矫正法 第四十四条). */
export const releaseCertificate = subjectTemplate<In<typeof releaseSchema>>(
  'release',
  '解除社区矫正证明书',
  '镇社矫解',
  (f, _d, { issuedOn }) => ({
    body: [
      personLine('社区矫正对象', f),
      caseLine(f),
      p(
        `该社区矫正对象矫正期满，依照${LAW}第四十四条的规定，于${chineseDate(issuedOn)}解除社区矫正，特此证明。`,
      ),
    ],
  }),
);

/** 调查评估意见书 (社区矫正法 第十八条; the 10/5 working days of 实施办法 第十四条 — unverified). */
export const assessmentOpinionDoc = defineTemplate<In<typeof opinionSchema>>({
  id: 'communityCorrection.assessmentOpinion',
  title: '调查评估意见书',
  defaultPrefix: '镇社矫评',
  render: async ({ tx, matter, data }) => {
    const { rows } = await tx.query<{
      name: string;
      sex: string | null;
      birthDate: string | null;
      idMasked: string | null;
      address: string | null;
      organ: string;
      received: string;
    }>(
      `SELECT p.name, p.sex, p.birth_date::text AS "birthDate", p.id_number_masked AS "idMasked", p.address,
              a.requesting_organ AS organ, a.received_on::text AS received
       FROM correction_assessments a JOIN parties p ON p.id = a.party_id WHERE a.matter_id = $1`,
      [matter.id],
    );
    const a = rows[0]!;
    return {
      title: '调查评估意见书',
      recipient: `${a.organ}：`,
      body: [
        p(`你单位${chineseDate(a.received)}委托调查评估的被告人（罪犯）情况如下。`),
        personLine('被调查评估人', a),
        p(`调查情况：${data.findings}`),
        p(`依照${LAW}第十八条的规定，评估意见为：${assessmentOpinions[data.opinion]}。`),
      ],
    };
  },
});

/** 安置帮教衔接表: the person, the release and the team that takes them on. */
export const resettlementHandover = defineTemplate<In<typeof contactSchema>>({
  id: 'communityCorrection.resettlementHandover',
  title: '刑满释放人员安置帮教衔接表',
  defaultPrefix: '镇安帮',
  render: async ({ tx, matter, data }) => {
    const { rows } = await tx.query<{
      name: string;
      sex: string | null;
      birthDate: string | null;
      idMasked: string | null;
      address: string | null;
      office: string;
      released: string;
      organ: string;
      offence: string;
      employment: string | null;
    }>(
      `SELECT p.name, p.sex, p.birth_date::text AS "birthDate", p.id_number_masked AS "idMasked", p.address, o.name AS office,
              r.released_on::text AS released, r.releasing_organ AS organ, r.offence, r.employment
       FROM resettlement_subjects r JOIN parties p ON p.id = r.party_id JOIN orgs o ON o.id = r.office_id WHERE r.matter_id = $1`,
      [matter.id],
    );
    const r = rows[0]!;
    return {
      title: '刑满释放人员安置帮教衔接表',
      body: [
        personLine('安置帮教对象', r),
        p(`原罪名：${r.offence}；释放（解除矫正）日期：${chineseDate(r.released)}；释放单位：${r.organ}。`),
        p(`衔接单位：${r.office}。帮教小组：${data.team}。`),
        ...(data.note ? [p(`衔接情况：${data.note}`)] : []),
        ...(r.employment ? [p(`安置情况：${employments[r.employment as keyof typeof employments]}。`)] : []),
      ],
    };
  },
});

export const correctionTemplates = [
  announcementDoc,
  planDoc,
  leaveApprovalDoc,
  warningDecision,
  revocationProposal,
  releaseCertificate,
  assessmentOpinionDoc,
  resettlementHandover,
];
