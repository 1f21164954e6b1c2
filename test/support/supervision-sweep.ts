/**
 * The supervision part of the kernel's indicator sweep (test/kernel/indicator-sweep.db.test.ts): a hand-worked
 * fixture walked through the API by the 法治督察科's clerk. Its expected figures are written in the sweep.
 *
 * 2025: N1 inspects 区市场监管局 (Q1 closed on 12 June; Q2 due 30 May, never reported: overdue); N3 inspects it again
 * in September (the unit counts once). T1 notice to 区市场监管局, answered late; T2 recommendation to 区住建局,
 * unanswered. One observation post selected, two best-practice projects (and a 考评 tier, not a project).
 * 2024: N2 inspects 骆驼街道办事处 (Q3 due 13 May, reported on 20 May, closed on 24 May); T3 notice to 区住建局 answered
 * on time; one post selected, one project.
 */

import { ensureDemoOrgs } from '../../src/lines/supervision/demo-registry.ts';
import { addPost, addRecognition } from '../../src/lines/supervision/registry.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { Db } from '../../src/platform/db/pool.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { Client } from './app.ts';
import { orgId } from './app.ts';

export async function supervisionSweepFixture(db: Db, clerk: Client): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await withTx(db, (tx) => ensureDemoOrgs(tx));
  const market = await orgId(db, 'dept-market');
  const housing = await orgId(db, 'dept-housing');
  const luotuo = await orgId(db, 'town-gov-330211003');
  const bureau = await orgId(db, 'bureau');
  const ok = async (
    p: Promise<{ statusCode: number; body: string; json(): { id: number; version: number } }>,
  ) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(res.body);
    return res.json();
  };
  const step = async (
    kind: string,
    id: number,
    action: string,
    date: string,
    data: Record<string, unknown>,
  ) => {
    const { version } = (await clerk.get(`/api/matters/${id}`)).json().matter;
    await ok(clerk.post(`/api/lines/supervision/${kind}/${id}/${action}`, { version, date, data }));
  };
  const inspection = (label: string, unitOrgId: number, noticeOn: string, startsOn: string, endsOn: string) =>
    ok(
      clerk.post('/api/lines/supervision/inspection', {
        planName: '年度法治督察工作计划',
        unitOrgId,
        noticeOn,
        startsOn,
        endsOn,
        team: '督察组',
        focus: '法治建设',
      }),
    ).then((r) => {
      ids.set(label, r.id);
      return r.id;
    });
  const finding = (
    label: string,
    inspectionId: number,
    foundOn: string,
    rectifyBy: string,
    category: string,
  ) =>
    ok(
      clerk.post('/api/lines/supervision/finding', {
        inspectionId,
        foundOn,
        rectifyBy,
        category,
        description: `${label}问题`,
        evidence: '',
      }),
    ).then((r) => {
      ids.set(label, r.id);
      return r.id;
    });

  const n1 = await inspection('N1', market, '2025-03-31', '2025-04-08', '2025-04-10');
  const q1 = await finding('Q1', n1, '2025-04-10', '2025-06-09', 'enforcement');
  await finding('Q2', n1, '2025-04-10', '2025-05-30', 'decisionMaking');
  await step('finding', q1, 'report', '2025-06-05', { plan: '整改', result: '完成' });
  await step('finding', q1, 'verify', '2025-06-12', { result: 'closed', opinion: '到位' });
  const n2 = await inspection('N2', luotuo, '2024-03-01', '2024-03-11', '2024-03-12');
  const q3 = await finding('Q3', n2, '2024-03-12', '2024-05-13', 'normativeDocs');
  await step('finding', q3, 'report', '2024-05-20', { plan: '整改', result: '完成' });
  await step('finding', q3, 'verify', '2024-05-24', { result: 'closed', opinion: '到位' });
  await inspection('N3', market, '2025-09-01', '2025-09-08', '2025-09-09');

  const instrument = (
    label: string,
    instrument: string,
    departmentOrgId: number,
    issuedOn: string,
    replyBy: string,
  ) =>
    ok(
      clerk.post('/api/lines/supervision/instrument', {
        instrument,
        departmentOrgId,
        issuedOn,
        replyBy,
        problems: '问题',
        requirements: '要求',
        campaign: '',
      }),
    ).then((r) => {
      ids.set(label, r.id);
      return r.id;
    });
  const t1 = await instrument('T1', 'notice', market, '2025-05-06', '2025-06-05');
  await step('instrument', t1, 'reply', '2025-06-12', { reply: '已整改' });
  await instrument('T2', 'recommendation', housing, '2025-07-01', '2025-07-31');
  const t3 = await instrument('T3', 'notice', housing, '2024-05-06', '2024-06-05');
  await step('instrument', t3, 'reply', '2024-06-03', { reply: '已整改' });

  await withTx(db, async (tx) => {
    const post = (name: string, selectedOn?: string) =>
      addPost(tx, systemActor, {
        name,
        host: '依托单位',
        ownerOrgId: bureau,
        liaison: '联络员',
        setUpOn: '2024-01-10',
        ...(selectedOn ? { selection: '宁波市首批行政执法监督观察站（点）', selectedOn } : {}),
      });
    await post('观察站甲', '2024-09-20');
    await post('观察站乙', '2025-09-20');
    await post('观察点丙');
    const rec = (kind: 'bestPractice' | 'assessmentTier', title: string, recordedOn: string) =>
      addRecognition(tx, systemActor, {
        kind,
        title,
        holder: '区司法局',
        ownerOrgId: bureau,
        awardedBy: '宁波市委全面依法治市委员会办公室',
        result: '入选',
        recordedOn,
        evidence: '名单',
      });
    await rec('bestPractice', '项目甲', '2024-07-12');
    await rec('bestPractice', '项目乙', '2025-07-12');
    await rec('bestPractice', '项目丙', '2025-08-01');
    await rec('assessmentTier', '2024年法治宁波建设年度考评', '2025-04-20');
  });
  return ids;
}
