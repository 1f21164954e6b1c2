/**
 * The demo district's correction subjects and resettlement subjects, deterministic (seeded), over the 7 司法所:
 * - a dozen subjects and three released prisoners walked through the engine (a late report-in, leave approved by
 *   the county and by a 司法所, warnings, one revocation, a transfer out, releases passing to resettlement);
 * - the rest inserted set-based (demo-bulk.ts), drawn so that at the end of 2024 exactly 340 correction subjects and
 *   474 resettlement subjects are on the books (seed: 目前全区共有矫正对象340名，安置帮教对象474名), counting the
 *   walked ones that are.
 */
import { addDays } from '../../kernel/calendar/dates.ts';
import {
  between,
  personName,
  pick,
  type Rng,
  residentId,
  seeded,
  weighted,
} from '../../kernel/demo/people.ts';
import type { PlannedMatter } from '../../kernel/demo/runner.ts';
import type { CorrectionType } from './labels.ts';

export const SEED = 20241231;
export const DEMO_MARKER = 'demo.communityCorrection';
/** The seed's figures at the end of 2024. */
export const ACTIVE_2024 = { correction: 340, resettlement: 474 };

export interface DemoOffice {
  id: number;
  regionCode: string;
}

const OFFENCES = [
  '盗窃罪',
  '危险驾驶罪',
  '诈骗罪',
  '故意伤害罪',
  '交通肇事罪',
  '帮助信息网络犯罪活动罪',
  '开设赌场罪',
];
const TYPE_WEIGHTS: Record<CorrectionType, number> = {
  probation: 80,
  parole: 12,
  control: 3,
  medicalParole: 5,
};

const day = (from: string, to: string, rng: Rng) =>
  addDays(from, between(rng, 0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)));

/** A walked subject: office index, type, notice day (effective 3 days before), term end, steps after intake. */
type W = [number, CorrectionType, string, string, [string, string, Record<string, unknown>][]];
const announce = (on: string, level = 'ordinary'): [string, string, Record<string, unknown>] => [
  'announce',
  on,
  { team: '司法所工作人员、社区（村）干部、家庭成员', level, plan: '每月当面报告，参加教育学习和公益活动' },
];
const report = (on: string): [string, string, Record<string, unknown>] => [
  'reportIn',
  on,
  { place: '司法所' },
];
const release = (on: string): [string, string, Record<string, unknown>] => [
  'release',
  on,
  { announced: true, summary: '矫正期间遵守监督管理规定，认罪悔罪' },
];
const leave = (
  applied: string,
  from: string,
  to: string,
  decided: string,
): [string, string, Record<string, unknown>][] => [
  [
    'applyLeave',
    applied,
    { leaveFrom: from, leaveTo: to, destination: '浙江省杭州市', reason: '探望住院亲属' },
  ],
  ['decideLeave', decided, { approve: true, opinion: '同意，按期返回并报告' }],
];

const WALKED: W[] = [
  [
    0,
    'probation',
    '2024-02-05',
    '2025-01-31',
    [
      report('2024-02-06'),
      announce('2024-02-06'),
      ...leave('2024-05-06', '2024-05-13', '2024-05-22', '2024-05-07'),
      release('2025-01-31'),
    ],
  ],
  [
    1,
    'parole',
    '2024-03-04',
    '2025-03-31',
    [
      report('2024-03-15'),
      announce('2024-03-15', 'strict'),
      [
        'sanction',
        '2024-06-12',
        {
          behaviour: 'missedEducation',
          facts: '无正当理由两次未参加集中教育',
          measure: 'warning',
          justification: '',
        },
      ],
      release('2025-03-31'),
    ],
  ],
  [
    2,
    'probation',
    '2024-04-08',
    '2026-04-07',
    [
      report('2024-04-10'),
      announce('2024-04-10', 'strict'),
      [
        'sanction',
        '2024-09-02',
        {
          behaviour: 'repeatedWarnings',
          facts: '受到警告后仍多次违反报告规定',
          measure: 'revocation',
          justification: '',
        },
      ],
      ['courtRuling', '2024-09-20', { ruling: 'revoked', rulingNo: '（2024）浙0211刑更21号' }],
    ],
  ],
  [
    3,
    'control',
    '2024-06-03',
    '2024-12-02',
    [report('2024-06-05'), announce('2024-06-05', 'lenient'), release('2024-12-02')],
  ],
  [
    4,
    'medicalParole',
    '2024-07-01',
    '2026-06-30',
    [report('2024-07-03'), announce('2024-07-03'), release('2026-06-30')],
  ],
  [
    5,
    'parole',
    '2024-09-02',
    '2025-09-01',
    [
      report('2024-09-04'),
      announce('2024-09-04'),
      ['applyTransfer', '2024-11-04', { newPlace: '宁波市鄞州区', reason: '随家人迁居' }],
      ['consultTransfer', '2024-11-06', { note: '' }],
      ['decideTransfer', '2024-11-08', { accepted: true, note: '' }],
      ['confirmTransfer', '2024-11-14', { note: '已到新执行地报到' }],
    ],
  ],
  [
    6,
    'probation',
    '2024-10-08',
    '2026-10-07',
    [
      report('2024-10-10'),
      announce('2024-10-10', 'lenient'),
      ...leave('2024-12-02', '2024-12-10', '2024-12-14', '2024-12-03'),
      release('2026-10-07'),
    ],
  ],
  [0, 'parole', '2024-11-04', '2027-05-03', [report('2024-11-06'), announce('2024-11-06')]],
  [
    2,
    'probation',
    '2025-02-10',
    '2026-08-10',
    [
      report('2025-02-12'),
      announce('2025-02-12'),
      [
        'sanction',
        '2025-08-04',
        {
          behaviour: 'unapprovedLeave',
          facts: '未经批准前往上海市两日',
          measure: 'warning',
          justification: '',
        },
      ],
      release('2026-08-10'),
    ],
  ],
  [
    3,
    'parole',
    '2025-05-06',
    '2026-11-05',
    [report('2025-05-08'), announce('2025-05-08'), release('2026-11-05')],
  ],
  [
    4,
    'probation',
    '2025-09-01',
    '2027-08-31',
    [
      report('2025-09-03'),
      announce('2025-09-03'),
      ...leave('2025-10-09', '2025-10-13', '2025-10-24', '2025-10-10'),
    ],
  ],
  [5, 'parole', '2026-03-02', '2027-03-01', [report('2026-03-04'), announce('2026-03-04')]],
  [6, 'probation', '2026-07-06', '2028-07-05', [report('2026-07-20'), announce('2026-07-20', 'strict')]],
];
/** Released prisoners walked: office, release day, steps. */
const WALKED_PRISON: [number, string, [string, string, Record<string, unknown>][]][] = [
  [
    1,
    '2024-03-15',
    [
      ['contact', '2024-03-18', { team: '司法所、村委会、家属', note: '' }],
      ['assist', '2024-05-06', { employment: 'baseEnterprise', note: '推荐至安置帮教基地企业就业' }],
    ],
  ],
  [
    3,
    '2024-08-20',
    [
      ['contact', '2024-08-22', { team: '司法所、社区、家属', note: '' }],
      ['assist', '2024-10-08', { employment: 'employed', note: '' }],
    ],
  ],
  [
    5,
    '2025-06-10',
    [
      ['contact', '2025-06-12', { team: '司法所、村委会', note: '' }],
      ['flagKeyPerson', '2025-07-01', { keyPerson: true, reason: '无固定住所、无稳定收入' }],
    ],
  ],
];

const endOf = (steps: W[4]) =>
  steps.find(
    ([a, , d]) =>
      a === 'release' || a === 'confirmTransfer' || (a === 'courtRuling' && d.ruling === 'revoked'),
  )?.[1];
/** Walked subjects on the books at the end of `year` (received, not ended by then). */
export const walkedActiveAt = (year: number) =>
  WALKED.filter(
    ([, , on, , steps]) => on <= `${year}-12-31` && !((endOf(steps) ?? '9999') <= `${year}-12-31`),
  ).length;
export const walkedResettledAt = (year: number) =>
  WALKED_PRISON.filter(([, released]) => released <= `${year}-12-31`).length;

export interface BulkSubject {
  office: DemoOffice;
  name: string;
  idNumber: string;
  type: CorrectionType;
  offence: string;
  notice: string;
  termEnd: string;
}
export interface BulkResettled {
  office: DemoOffice;
  name: string;
  idNumber: string;
  offence: string;
  released: string;
}

export function planDemo(offices: DemoOffice[], today: string) {
  const rng = seeded(SEED);
  const taken = new Set<string>();
  // Subjects born elsewhere in Ningbo (海曙, 江北, 北仑, 鄞州, 余姚): the other lines' demo people are born in 镇海
  // (330211), so no subject's identity number is already in the registry as another line's party.
  const born = () => pick(rng, ['330203', '330205', '330206', '330212', '330281']);
  const person = () => {
    let idNumber = residentId(rng, born());
    while (taken.has(idNumber)) idNumber = residentId(rng, born());
    taken.add(idNumber);
    return { name: personName(rng), idNumber };
  };
  const walked: PlannedMatter[] = WALKED.map(([o, type, notice, termEnd, steps], i) => ({
    kind: 'subject',
    input: {
      noticeReceivedOn: notice,
      officeId: offices[o]!.id,
      correctionType: type,
      decisionOrgan: type === 'parole' ? '浙江省宁波市中级人民法院' : '宁波市镇海区人民法院',
      decisionNo: `（${notice.slice(0, 4)}）浙0211刑初${100 + i}号`,
      effectiveOn: addDays(notice, -3),
      subject: { partyType: 'person', ...person() },
      offence: OFFENCES[i % OFFENCES.length],
      termStart: addDays(notice, -3),
      termEnd,
    },
    steps: steps.filter(([, d]) => d <= today).map(([action, date, data]) => ({ action, date, data })),
  }));
  for (const [o, released, steps] of WALKED_PRISON)
    walked.push({
      kind: 'resettlement',
      input: {
        noticeReceivedOn: released,
        officeId: offices[o]!.id,
        releasedOn: released,
        releasingOrgan: '浙江省十里丰监狱',
        offence: '盗窃罪',
        subject: { partyType: 'person', ...person() },
      },
      steps: steps.filter(([, d]) => d <= today).map(([action, date, data]) => ({ action, date, data })),
    });

  const office = () => offices[between(rng, 0, offices.length - 1)]!;
  const subject = (notice: string, termEnd: string): BulkSubject => ({
    office: office(),
    ...person(),
    type: weighted(rng, TYPE_WEIGHTS),
    offence: OFFENCES[between(rng, 0, OFFENCES.length - 1)]!,
    notice,
    termEnd,
  });
  const subjects: BulkSubject[] = [];
  // On the books at the end of 2024: received 2022–2024, terms ending 2025–2027.
  for (let i = 0; i < ACTIVE_2024.correction - walkedActiveAt(2024); i++)
    subjects.push(subject(day('2022-06-01', '2024-12-20', rng), day('2025-01-02', '2027-06-30', rng)));
  // Released before the end of 2024 (the 2023 stock and the flows): terms ending in 2023 and 2024.
  for (let i = 0; i < 300; i++) {
    const end = day('2023-01-03', '2024-12-30', rng);
    subjects.push(subject(day(addDays(end, -900), addDays(end, -180), rng), end));
  }
  // Received since 2025, up to the business date.
  for (let i = 0; i < 260; i++) {
    const notice = day('2025-01-02', '2026-12-31', rng);
    const end = addDays(notice, between(rng, 180, 1000));
    if (notice <= today) subjects.push(subject(notice, end));
  }
  const resettled: BulkResettled[] = [];
  const released = (on: string): BulkResettled => ({
    office: office(),
    ...person(),
    offence: OFFENCES[between(rng, 0, OFFENCES.length - 1)]!,
    released: on,
  });
  // Within their 5 years at the end of 2024: released 2020–2024.
  for (let i = 0; i < ACTIVE_2024.resettlement - walkedResettledAt(2024); i++)
    resettled.push(released(day('2020-01-02', '2024-12-31', rng)));
  // Released 2018–2019 (their period ended in 2023–2024) and since 2025.
  for (let i = 0; i < 180; i++) resettled.push(released(day('2018-01-02', '2019-12-31', rng)));
  for (let i = 0; i < 220; i++) {
    const on = day('2025-01-02', '2026-12-31', rng);
    if (on <= today) resettled.push(released(on));
  }
  return { walked, subjects, resettled };
}
