import type { OrgInput } from '../orgs/queries.ts';
import { divisions } from './regions.ts';

const D = divisions.district.code;

/**
 * The tenant: the district platform, the district government (the 行政复议机关 for cases against its departments,
 * 行政复议法 第二十四条第一款第一项) and its Justice Bureau (the 行政复议机构). Not demo data: every deployment has them.
 */
export const tenantOrgs: (Omit<OrgInput, 'parentId'> & { parent: string | null })[] = [
  { code: 'district', name: '镇海区', kind: 'district', parent: null, regionCode: D },
  {
    code: 'district-government',
    name: '宁波市镇海区人民政府',
    shortName: '区政府',
    kind: 'government',
    parent: 'district',
    regionCode: D,
  },
  {
    code: 'bureau',
    name: '宁波市镇海区司法局',
    shortName: '区司法局',
    kind: 'bureau',
    parent: 'district',
    regionCode: D,
  },
];

/** The demo district's organisations, marked is_demo. Parent is given by code. */
export const demoOrgs: (Omit<OrgInput, 'parentId'> & { parent: string })[] = [
  ...(
    [
      ['sec-office', '办公室'],
      ['sec-inspection', '法治督察科'],
      ['sec-legality', '法制审核科（区合法性审查中心）'],
      ['sec-reconsideration', '行政复议局'],
      ['sec-participation', '人民参与和促进法治科'],
      ['sec-legal-services', '公共法律服务管理科'],
      ['sec-correction', '社区矫正科'],
      ['sec-lawyers', '律师工作科'],
    ] as const
  ).map(([code, name]) => ({ code, name, kind: 'section' as const, parent: 'bureau', regionCode: D })),
  ...divisions.towns.map((t) => ({
    code: `jo-${t.code}`,
    name: `${t.name}司法所`,
    kind: 'justiceOffice' as const,
    parent: 'bureau',
    regionCode: t.code,
  })),
  ...(
    [
      ['dept-market', '宁波市镇海区市场监督管理局', '区市场监管局'],
      ['dept-enforcement', '宁波市镇海区综合行政执法局', '区综合行政执法局'],
      ['dept-housing', '宁波市镇海区住房和城乡建设局', '区住建局'],
      ['dept-natural-resources', '宁波市自然资源和规划局镇海分局', '自然资源和规划分局'],
      ['dept-hrss', '宁波市镇海区人力资源和社会保障局', '区人力社保局'],
      ['dept-transport', '宁波市镇海区交通运输局', '区交通运输局'],
      ['dept-ecology', '宁波市生态环境局镇海分局', '生态环境分局'],
      ['dept-public-security', '宁波市公安局镇海分局', '公安镇海分局'],
      ['dept-emergency', '宁波市镇海区应急管理局', '区应急管理局'],
      ['dept-education', '宁波市镇海区教育局', '区教育局'],
    ] as const
  ).map(([code, name, shortName]) => ({
    code,
    name,
    shortName,
    kind: 'department' as const,
    parent: 'district',
    regionCode: D,
  })),
  {
    code: 'court',
    name: '宁波市镇海区人民法院',
    shortName: '区法院',
    kind: 'court',
    parent: 'district',
    regionCode: D,
  },
];

/**
 * 住所 and 法定代表人 of the demo respondents, as a decision names them (invented: a deployment keeps its own in the
 * organisation registry).
 */
export const demoOrganParticulars: Record<string, { address: string; legalRepresentative: string }> = {
  'dept-market': { address: '浙江省宁波市镇海区骆驼街道民和路1号', legalRepresentative: '陈某，局长' },
  'dept-enforcement': { address: '浙江省宁波市镇海区招宝山街道车站路2号', legalRepresentative: '周某，局长' },
  'dept-housing': { address: '浙江省宁波市镇海区招宝山街道城河西路3号', legalRepresentative: '吴某，局长' },
  'dept-natural-resources': {
    address: '浙江省宁波市镇海区骆驼街道荣吉路4号',
    legalRepresentative: '郑某，局长',
  },
  'dept-hrss': { address: '浙江省宁波市镇海区招宝山街道东门路5号', legalRepresentative: '冯某，局长' },
  'dept-transport': { address: '浙江省宁波市镇海区骆驼街道南二东路6号', legalRepresentative: '蒋某，局长' },
  'dept-ecology': { address: '浙江省宁波市镇海区蛟川街道临江路7号', legalRepresentative: '沈某，局长' },
  'dept-public-security': {
    address: '浙江省宁波市镇海区骆驼街道镇骆东路8号',
    legalRepresentative: '韩某，局长',
  },
  'dept-emergency': { address: '浙江省宁波市镇海区招宝山街道公园路9号', legalRepresentative: '杨某，局长' },
  'dept-education': { address: '浙江省宁波市镇海区招宝山街道胜利路10号', legalRepresentative: '朱某，局长' },
};
