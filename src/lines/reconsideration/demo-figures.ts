/**
 * What the demo plan places: each year's totals (the bureau's published 2024 figures among them) and the
 * respondent organs with how often each is challenged and over which acts.
 */
import type { actKinds } from './labels.ts';

/** Per-year plan; years after the last listed one follow the last year's pattern. */
export const YEARS: Record<
  number,
  {
    received: number;
    corrected: number;
    recommendations: number;
    opinions: number;
    firstInstance: number;
    secondInstance: number;
    lost: number;
  }
> = {
  2023: {
    received: 122,
    corrected: 4,
    recommendations: 2,
    opinions: 1,
    firstInstance: 49,
    secondInstance: 6,
    lost: 2,
  },
  2024: {
    received: 254,
    corrected: 2,
    recommendations: 3,
    opinions: 1,
    firstInstance: 47,
    secondInstance: 5,
    lost: 1,
  },
  2025: {
    received: 236,
    corrected: 3,
    recommendations: 2,
    opinions: 1,
    firstInstance: 44,
    secondInstance: 5,
    lost: 1,
  },
};
export const planFor = (year: number) => YEARS[year] ?? YEARS[2025]!;

/** Respondent organs (demo org codes) with how often each is a respondent and the acts it is challenged over. */
export const RESPONDENTS: Record<
  string,
  {
    docPrefix: string;
    weight: number;
    acts: Partial<Record<keyof typeof actKinds, number>>;
    titles: string[];
  }
> = {
  'dept-market': {
    docPrefix: '市监罚',
    weight: 26,
    acts: { penalty: 5, nonPerformance: 4, infoDisclosure: 1 },
    titles: ['行政处罚决定', '投诉举报处理答复', '政府信息公开答复'],
  },
  'dept-enforcement': {
    docPrefix: '综执罚',
    weight: 19,
    acts: { penalty: 6, coercion: 3 },
    titles: ['行政处罚决定', '限期拆除决定', '强制拆除决定'],
  },
  'dept-public-security': {
    docPrefix: '公（治）决字',
    weight: 18,
    acts: { penalty: 8, coercion: 1 },
    titles: ['行政处罚决定书（治安）', '行政拘留决定', '扣押决定'],
  },
  'dept-hrss': {
    docPrefix: '人社工伤认',
    weight: 11,
    acts: { workInjury: 7, nonPerformance: 2 },
    titles: ['认定工伤决定', '不予认定工伤决定', '劳动保障监察投诉处理'],
  },
  'dept-natural-resources': {
    docPrefix: '自然资规',
    weight: 8,
    acts: { expropriation: 3, confirmation: 3, penalty: 2 },
    titles: ['土地征收补偿决定', '不动产登记', '行政处罚决定'],
  },
  'dept-housing': {
    docPrefix: '住建',
    weight: 7,
    acts: { licence: 3, expropriation: 3, infoDisclosure: 1 },
    titles: ['房屋征收决定', '施工许可', '政府信息公开答复'],
  },
  'dept-transport': {
    docPrefix: '交执罚',
    weight: 5,
    acts: { penalty: 6 },
    titles: ['交通运输行政处罚决定'],
  },
  'dept-ecology': {
    docPrefix: '环罚',
    weight: 4,
    acts: { penalty: 5, coercion: 1 },
    titles: ['环境行政处罚决定', '查封扣押决定'],
  },
  'dept-emergency': {
    docPrefix: '应急罚',
    weight: 1.5,
    acts: { penalty: 4 },
    titles: ['安全生产行政处罚决定'],
  },
  'dept-education': {
    docPrefix: '教',
    weight: 0.5,
    acts: { other: 2, infoDisclosure: 1 },
    titles: ['招生录取答复', '政府信息公开答复'],
  },
};
