import { describe, expect, it } from 'vitest';
import { legalAidTestbed } from '../../../test/support/legal-aid.ts';
import { refusalsTable } from '../../../test/support/line-kit.ts';

const { bed, ctx, kit } = legalAidTestbed();
const APP = 'legalAid/application';

describe('what the legal-aid line refuses, word for word, writing nothing', () => {
  refusalsTable(kit, ctx, [
    {
      what: 'an exemption of 第四十二条 given as one of 第三十二条',
      lineKind: APP,
      path: null,
      intake: { eligibility: 'exempt', exemption: 'migrantWorker' },
      message: '该情形属于免予核查经济困难状况（第四十二条），不属于第三十二条',
    },
    {
      what: 'an exemption claimed without naming it',
      lineKind: APP,
      path: null,
      intake: { eligibility: 'noCheck', exemption: undefined },
      message: '请选择不受经济困难条件限制或免予核查的情形',
    },
    {
      what: 'a detained person’s application without the day it was made',
      lineKind: APP,
      path: null,
      intake: { source: 'detained' },
      message: '被羁押人员的申请应填写办案机关、监管场所收到申请的日期',
    },
    {
      what: 'a detained person’s application without the moment the organ received it (24 clock hours)',
      lineKind: APP,
      path: null,
      intake: { source: 'detained', detainedAppliedOn: '2025-03-01', receivedTime: '10:00' },
      message: '二十四小时按小时计算，请填写办案机关、监管场所收到申请的时刻',
    },
    {
      what: 'a time of day that is not HH:mm',
      lineKind: APP,
      path: null,
      intake: {
        source: 'detained',
        detainedAppliedOn: '2025-03-01',
        detainedAppliedTime: '25:00',
        receivedTime: '10:00',
      },
      message: '办案机关/监管场所收到申请时刻应为24小时制的 HH:mm，如 17:30',
    },
    {
      what: 'a forwarding received by the organ after it reached the centre',
      lineKind: APP,
      path: null,
      intake: {
        source: 'detained',
        detainedAppliedOn: '2025-03-03',
        detainedAppliedTime: '11:00',
        receivedTime: '10:00',
      },
      message: '办案机关、监管场所收到申请的时间不能晚于本机构收到转交申请的时间',
    },
    {
      what: 'an assignment without the conflict declaration',
      lineKind: APP,
      path: 'assigning',
      action: 'assign',
      date: '2025-03-10',
      data: { workerName: '陈律师', workerKind: 'lawyer', lawFirmOrgId: 1, noConflictDeclared: false },
      message: '承办人员应当声明与本案当事人无利害冲突，存在冲突的应当另行指派',
    },
    {
      what: '先行提供 with no limitation date near',
      lineKind: APP,
      path: 'reviewing',
      action: 'advance',
      date: '2025-03-04',
      data: { reason: '情况紧急' },
      message:
        '距法定时效或者期限届满不足七日的，方可先行提供法律援助（法律援助法第四十四条）；本案未登记届满日或者尚有七日以上',
    },
    {
      what: 'an end of the case dated after its registration',
      lineKind: APP,
      path: 'handling',
      action: 'endCase',
      date: '2025-06-12',
      data: { endedOn: '2025-06-15', outcome: '审结' },
      message: '办结日期不能晚于登记日期',
    },
    {
      what: 'a quality score above 100',
      lineKind: APP,
      path: 'closing',
      action: 'reviewClosing',
      date: '2025-07-01',
      data: { qualityScore: 120, subsidy: 2000, opinion: '良好' },
      message: '质量评分为0至100分',
    },
  ]);

  it('refuses an application “received” at an org that is not a station of the registry', async () => {
    const res = await kit.register(APP, { stationOrgId: bed.orgs.firmA });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({
      field: 'stationOrgId',
      message: '受理站点不在公共法律服务站点名录中，或当日未开放',
    });
  });

  it('refuses a visit dated after the business day, and one at a station outside the worker’s own', async () => {
    const late = await bed.villageWorker.post('/api/lines/legalAid/visits', {
      stationOrgId: bed.orgs.village,
      visitedOn: '2026-12-01',
      channel: 'window',
      topic: 'labour',
      service: 'answer',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().detail).toBe('接待日期 2026-12-01 晚于今天，不能登记');
    const foreign = await bed.villageWorker.post('/api/lines/legalAid/visits', {
      stationOrgId: bed.orgs.town,
      visitedOn: '2025-03-01',
      channel: 'window',
      topic: 'labour',
      service: 'answer',
    });
    expect(foreign.statusCode).toBe(403);
  });
});
