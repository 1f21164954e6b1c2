/**
 * The reconsideration application ledger (行政复议申请台账) as bureaus keep it in Excel: one application per row,
 * its first applicant, the respondent by its name in the organ directory, the act and the request. Each row is
 * checked by the intake form's schema (applicationSchema) and registered through the engine like a typed form.
 */
import { partyTypes } from '../../kernel/fields/party.ts';
import type { ImportDef } from '../../kernel/import/types.ts';
import { idKinds } from '../../kernel/parties/identity.ts';
import { actKinds, channels } from './labels.ts';

export const applicationImport: ImportDef = {
  kind: 'application',
  label: '行政复议申请台账',
  columns: [
    { field: 'receivedOn', header: '收件日期', example: '2025-03-03', required: true, cell: 'date' },
    { field: 'channel', header: '申请方式', example: '窗口递交', required: true, labels: channels },
    { field: 'applicants.0.name', header: '申请人姓名或名称', example: '张某', required: true },
    {
      field: 'applicants.0.partyType',
      header: '申请人类型',
      example: '自然人',
      labels: partyTypes,
      note: '不填为自然人',
    },
    {
      field: 'applicants.0.idKind',
      header: '证件类型',
      example: '居民身份证',
      labels: idKinds,
      note: '自然人填写，不填为居民身份证',
    },
    {
      field: 'applicants.0.idNumber',
      header: '证件号码',
      example: '330211199001011236',
      personal: 'idNumber',
      note: '自然人填写；居民身份证按 GB 11643 校验末位',
    },
    {
      field: 'applicants.0.creditCode',
      header: '统一社会信用代码',
      example: '',
      note: '法人或其他组织填写，按 GB 32100 校验末位',
    },
    { field: 'applicants.0.phone', header: '联系电话', example: '13800000000', personal: 'phone' },
    { field: 'applicants.0.address', header: '住所或地址', example: '宁波市镇海区招宝山街道车站路1号' },
    {
      field: 'respondentOrgId',
      header: '被申请人',
      example: '宁波市镇海区市场监督管理局',
      required: true,
      org: ['department', 'bureau'],
      note: '机构名录中的行政机关全称或简称',
    },
    { field: 'actKind', header: '行政行为类别', example: '行政处罚', required: true, labels: actKinds },
    { field: 'actTitle', header: '被申请的行政行为', example: '行政处罚决定', required: true },
    { field: 'actDocNo', header: '行政行为文书编号', example: '甬镇市监罚〔2025〕12号' },
    { field: 'actDate', header: '行政行为作出日期', example: '2025-02-20', required: true, cell: 'date' },
    {
      field: 'actKnownOn',
      header: '知道该行政行为的日期',
      example: '2025-02-24',
      required: true,
      cell: 'date',
      note: '申请期限自知道或者应当知道之日起计算',
    },
    { field: 'realProperty', header: '涉及不动产', example: '否', cell: 'boolean', note: '不填为否' },
    { field: 'request', header: '行政复议请求', example: '撤销被申请人作出的行政处罚决定', required: true },
    { field: 'facts', header: '事实和理由', example: '' },
  ],
};
