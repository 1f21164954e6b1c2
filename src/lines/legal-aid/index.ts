import { registerLine } from '../../kernel/workflow/registry.ts';
import type { LineDef } from '../../kernel/workflow/types.ts';
import { applicationKind, noticeKind } from './case.ts';
import { legalAidTemplates } from './documents.ts';
import { legalAidIndicators } from './indicators.ts';
import {
  caseTypes,
  noticeMethods,
  sources,
  stationKinds,
  visitChannels,
  visitServices,
  visitTopics,
} from './labels.ts';
import { registryRoutes } from './registry-routes.ts';
import { legalAidReport, networkReport, workstationsReport } from './report.ts';
import { ensureCentre } from './store.ts';

/**
 * Public legal services and legal aid (公共法律服务与法律援助): the station network and its 15-minute circle, the
 * visits and hotline log, and legal-aid cases from application or notice to the closing review.
 */
export const legalAidLine: LineDef = {
  id: 'legalAid',
  label: '公共法律服务与法律援助',
  kinds: [applicationKind, noticeKind],
  templates: legalAidTemplates,
  indicators: legalAidIndicators,
  reportSections: [networkReport, workstationsReport, legalAidReport],
  vocabularies: {
    caseType: caseTypes,
    source: sources,
    stationKind: stationKinds,
    visitChannel: visitChannels,
    visitTopic: visitTopics,
    visitService: visitServices,
    noticeMethod: noticeMethods,
  },
  upgrade: ensureCentre,
  routes: registryRoutes,
};

export const registerLegalAid = () => registerLine(legalAidLine);
