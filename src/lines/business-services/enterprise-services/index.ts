import type { LineDef } from '../../../kernel/workflow/types.ts';
import { complianceIndicators } from './indicators.ts';
import { complianceRoutes } from './routes.ts';

/** The industry compliance centre and the foreign-related legal service centre (产业合规中心、涉外法律服务). */
export const complianceLine: LineDef = {
  id: 'compliance',
  label: '产业合规与涉外法律服务',
  kinds: [],
  indicators: complianceIndicators,
  routes: complianceRoutes,
};
