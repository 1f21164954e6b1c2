/**
 * The 信用修复指导书: the bureau's written guidance to a credit subject — which records are published, when each may
 * be repaired under the rules in force on its date, what to correct, which documents to prepare, and the official
 * free channel (so that no fee is paid to an intermediary). Issued in the bureau's name (the platform is the
 * bureau's service; no statute names another organ).
 */
import type { z } from 'zod';
import { chineseDate, defineTemplate } from '../../../kernel/workflow/templates.ts';
import { configuredMonths, eligibility } from './eligibility.ts';
import { officialChannels, recordSources, severities } from './labels.ts';
import type { guideSchema } from './schemas.ts';
import { guidanceFacts, openRecordsOf } from './store.ts';

const p = (text: string) => ({ type: 'paragraph' as const, text });

export const guidanceLetter = defineTemplate<z.output<typeof guideSchema>>({
  id: 'creditRepair.guidanceLetter',
  title: '信用修复指导书',
  defaultPrefix: '镇司信指',
  render: async ({ tx, matter, data }) => {
    const f = await guidanceFacts(tx, matter.id);
    const records = await openRecordsOf(tx, f.party_id);
    const configured = await configuredMonths(tx);
    const lines = records.map((r, i) => {
      const e = eligibility(r, configured);
      const when = e.eligibleOn
        ? `自${chineseDate(e.eligibleOn)}起可以申请修复`
        : '可申请修复的日期尚不能确定（适用规定的最短公示期未经核实）';
      return p(
        `${i + 1}. ${r.decidingOrgan}${chineseDate(r.decidedOn)}认定${r.decisionNo ? `（${r.decisionNo}）` : ''}，` +
          `失信程度${severities[r.severity]}，公示于${recordSources[r.source as keyof typeof recordSources]}；` +
          `适用${e.law}，${when}。`,
      );
    });
    return {
      title: '信用修复指导书',
      recipient: `${f.subject}：`,
      body: [
        p(
          `你单位于${chineseDate(f.consulted_on)}就信用修复事宜向本机关咨询。经核查，你单位下列失信信息仍在公示中：`,
        ),
        ...(lines.length ? lines : [p('（经核查，暂无仍在公示中的失信信息。）')]),
        p(`一、需纠正的失信行为及履行的义务：${data.toCorrect}`),
        p(`二、需准备的材料：${data.documents}`),
        p(
          `三、修复渠道：请通过${officialChannels[data.channel]}提出申请。信用修复不收取任何费用，` +
            '请勿委托任何收费中介代办。',
        ),
        ...(data.note ? [p(`四、其他提示：${data.note}`)] : []),
        p('特此告知。'),
      ],
    };
  },
});
