/**
 * A people's mediation committee's monthly ledger (人民调解登记台账) as committees keep it in Excel: one dispute
 * mediated on the spot per row — the day, the committee, both parties, the dispute type by its Chinese label, what
 * happened and the oral agreement. Each row becomes a quick registration (onSpot, closed on its 调解日期), checked
 * by the same schema as the typed form, so most of the district's cases need not be typed twice.
 */
import { partyTypes } from '../../kernel/fields/party.ts';
import type { ImportColumn, ImportDef } from '../../kernel/import/types.ts';
import { disputeTypes, performances } from './labels.ts';

/** The columns of one side (申请人 or 被申请人): the ledger names both sides the same way. */
const party = (
  side: 'applicants' | 'respondents',
  title: '申请人' | '被申请人',
  example: { name: string; idNumber: string; phone: string; address: string },
): ImportColumn[] => [
  { field: `${side}.0.name`, header: `${title}姓名或名称`, example: example.name, required: true },
  {
    field: `${side}.0.partyType`,
    header: `${title}类型`,
    example: '自然人',
    labels: partyTypes,
    note: '不填为自然人',
  },
  {
    field: `${side}.0.idNumber`,
    header: `${title}身份证号码`,
    example: example.idNumber,
    personal: 'idNumber',
    note: '自然人填写居民身份证号码，按 GB 11643 校验末位',
  },
  {
    field: `${side}.0.creditCode`,
    header: `${title}统一社会信用代码`,
    example: '',
    note: '法人或其他组织填写，按 GB 32100 校验末位',
  },
  { field: `${side}.0.phone`, header: `${title}联系电话`, example: example.phone, personal: 'phone' },
  { field: `${side}.0.address`, header: `${title}住址`, example: example.address },
];

export const onSpotImport: ImportDef = {
  kind: 'onSpot',
  label: '人民调解登记台账（当场调解）',
  columns: [
    {
      field: 'receivedOn',
      header: '调解日期',
      example: '2025-05-06',
      required: true,
      cell: 'date',
      note: '当场调解达成口头协议的日期，案件按该日登记并结案',
    },
    {
      field: 'orgId',
      header: '调解组织',
      example: '城东社区人民调解委员会',
      required: true,
      org: ['mediationCommittee'],
      note: '调解组织名录中的全称',
    },
    { field: 'place', header: '调解地点', example: '城东社区调解室', required: true },
    ...party('applicants', '申请人', {
      name: '张某',
      idNumber: '330211199001011236',
      phone: '13800000000',
      address: '宁波市镇海区招宝山街道车站路1号',
    }),
    ...party('respondents', '被申请人', {
      name: '李某',
      idNumber: '33021119851231551X',
      phone: '13900000000',
      address: '宁波市镇海区招宝山街道车站路3号',
    }),
    { field: 'disputeType', header: '纠纷类型', example: '邻里纠纷', required: true, labels: disputeTypes },
    {
      field: 'amount',
      header: '涉及金额（元）',
      example: '800',
      required: true,
      cell: 'number',
      note: '未涉及金钱的填 0',
    },
    {
      field: 'facts',
      header: '纠纷简要情况',
      example: '李某停放电动车堵塞张某家门口通道',
      required: true,
    },
    {
      field: 'agreement',
      header: '调解结果（口头协议内容）',
      example: '李某当场挪走电动车并向张某道歉',
      required: true,
      note: '当场调解达成的口头协议（人民调解法第二十八条）',
    },
    {
      field: 'amountAgreed',
      header: '协议金额（元）',
      example: '0',
      required: true,
      cell: 'number',
      note: '协议不涉及金钱的填 0',
    },
    { field: 'performance', header: '履行情况', example: '当场履行', required: true, labels: performances },
  ],
};
