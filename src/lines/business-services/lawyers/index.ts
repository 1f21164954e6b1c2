import type { LineDef } from '../../../kernel/workflow/types.ts';
import { lawyersIndicators } from './indicators.ts';
import { lawyersRoutes } from './routes.ts';

/** Law firms, lawyers and government lawyers (律师行业管理): a register, its figures and the revenue returns. */
export const lawyersLine: LineDef = {
  id: 'lawyers',
  label: '律师行业管理',
  kinds: [],
  indicators: lawyersIndicators,
  routes: lawyersRoutes,
};
