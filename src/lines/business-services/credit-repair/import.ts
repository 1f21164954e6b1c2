/**
 * The 信用中国 export of a subject's published records (行政处罚信息 / 失信信息), one record per row, as the
 * platform's clerks keep it in Excel: each row becomes a record matter checked by the typed form's own schema.
 */
import type { ImportDef } from '../../../kernel/import/types.ts';
import { recordCategories, recordSources, severities } from './labels.ts';

export const recordImport: ImportDef = {
  kind: 'record',
  label: '失信信息台账（信用中国导出）',
  fixed: { subject: { partyType: 'organisation' } },
  columns: [
    { field: 'subject.name', header: '信用主体名称', example: '宁波某某化工有限公司', required: true },
    {
      field: 'subject.creditCode',
      header: '统一社会信用代码',
      example: '91330211MA2GQ8WX1Q',
      required: true,
      note: '按 GB 32100 校验末位',
    },
    {
      field: 'ownerOrgId',
      header: '承办机构',
      example: '公共法律服务管理科',
      required: true,
      org: ['section', 'justiceOffice', 'bureau'],
    },
    { field: 'source', header: '公示来源', example: '信用中国网站', required: true, labels: recordSources },
    {
      field: 'category',
      header: '信息类别',
      example: '行政处罚信息',
      required: true,
      labels: recordCategories,
    },
    {
      field: 'decidingOrgan',
      header: '处罚（认定）机关',
      example: '宁波市镇海区市场监督管理局',
      required: true,
    },
    { field: 'decisionNo', header: '决定书文号', example: '镇市监处罚〔2026〕15号' },
    { field: 'decidedOn', header: '处罚（认定）日期', example: '2026-09-01', required: true, cell: 'date' },
    { field: 'severity', header: '失信程度', example: '一般', required: true, labels: severities },
    { field: 'publicationMonths', header: '公示期（月）', example: '12', cell: 'number' },
    { field: 'fulfilledOn', header: '履行完毕日期', example: '2026-09-20', cell: 'date' },
  ],
};
