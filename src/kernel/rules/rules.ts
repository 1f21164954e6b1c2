import fs from 'node:fs';
import { z } from 'zod';

/**
 * Statutory rules as data. Each rule cites its law, article and text and says how its period is counted.
 * The shipped file reference/deadline-rules.json is the research note's table (ids kept); reference/
 * deadline-rules.local.json adds rules and earlier versions (e.g. the 2017 Administrative Reconsideration Law
 * for applications made before 2024-01-01). A matter follows the version in force on its triggering date.
 */
export type RuleKind =
  | 'deadline'
  | 'minimum'
  | 'guideline'
  | 'beforeEvent'
  | 'duration'
  | 'recurring'
  | 'alert'
  /** A period a party keeps (the applicant's time to sue): shown on the matter, never the office's overdue. */
  | 'partyPeriod';
export type RuleUnit = 'working' | 'calendar' | 'months' | 'hours';

export interface Citation {
  law: string;
  article: string;
  text: string;
}

export interface Rule {
  id: string;
  /** Business line in code (reconsideration, legalAid …) and its Chinese name. */
  line: string;
  lineName: string;
  event: string;
  kind: RuleKind;
  unit: RuleUnit;
  /** The count in the rule's unit (days, months or hours). */
  count: number | null;
  startRule: string;
  trigger: string | null;
  actor: string | null;
  citation: Citation;
  alsoCited: Citation[];
  /** True when the article text was checked word for word against the statute. */
  verified: boolean;
  source: string;
  notes: string | null;
  /** In force from (inclusive) / until (exclusive), as business dates. */
  inForceFrom: string;
  inForceTo: string | null;
  /** What the expiry of the period means, when the law says (e.g. 视为受理). */
  onExpiry: string | null;
  /** Version label: the in-force date. */
  version: string;
}

const citation = z.object({ law: z.string(), article: z.string(), text: z.string() });
const rawRule = z.object({
  id: z.string(),
  businessLine: z.string(),
  event: z.string(),
  days: z.number().nullable().optional(),
  months: z.number().nullable().optional(),
  hours: z.number().nullable().optional(),
  /** A recurring obligation's cycle (e.g. a monthly report): tracked one cycle at a time. */
  recurMonths: z.number().optional(),
  unit: z.enum(['working', 'calendar']),
  startRule: z.string(),
  citation,
  alsoCited: z.union([z.array(citation), citation.transform((c) => [c])]).optional(),
  trigger: z.string().optional(),
  actor: z.string().optional(),
  source: z.string().optional(),
  notes: z.string().optional(),
  inForceFrom: z.string().optional(),
  inForceTo: z.string().optional(),
  // Checked against ruleKinds by kindOf, which names the rule and the file in its refusal.
  kind: z.string().optional(),
  onExpiry: z.string().optional(),
  verified: z.boolean().optional(),
});

const lineIds: Record<string, string> = {
  行政复议: 'reconsideration',
  行政诉讼: 'litigation',
  法律援助: 'legalAid',
  人民调解: 'mediation',
  合法性审查: 'legalityReview',
  社区矫正: 'correction',
  信用修复: 'creditRepair',
  行政执法监督: 'enforcementSupervision',
};

export const ruleKinds: readonly RuleKind[] = [
  'deadline',
  'minimum',
  'guideline',
  'beforeEvent',
  'duration',
  'recurring',
  'alert',
  'partyPeriod',
];

/** A rules file the product cannot use: an unknown kind or counting rule is refused, never guessed. */
export class RuleFileError extends Error {}

/** The counting rules (startRule) the loader knows, each with the kind it implies. */
const startRuleKinds: [RegExp, RuleKind][] = [
  [/^TRIGGER_EXCLUDED_(CALENDAR|WORKING|MONTHS)$/, 'deadline'],
  [/^EXTENSION_FROM_ORIGINAL_DEADLINE$/, 'deadline'],
  [/^HOURS_FROM_EVENT$/, 'deadline'],
  [/^MINIMUM_(CALENDAR|WORKING)_DAYS_ALLOWED$/, 'minimum'],
  [/^(CALENDAR|WORKING)_DAYS_BEFORE_EVENT$/, 'beforeEvent'],
  [/^DURATION_LIMIT$/, 'duration'],
  [/^RECURRING$/, 'recurring'],
  [/^THRESHOLD_/, 'alert'],
];

function kindOf(r: z.infer<typeof rawRule>, file: string): RuleKind {
  if (r.kind !== undefined) {
    if ((ruleKinds as readonly string[]).includes(r.kind)) return r.kind as RuleKind;
    throw new RuleFileError(
      `${file} 中规则 ${r.id} 的种类“${r.kind}”未知：应为 ${ruleKinds.join('、')} 之一`,
    );
  }
  const implied = startRuleKinds.find(([re]) => re.test(r.startRule))?.[1];
  if (!implied)
    throw new RuleFileError(`${file} 中规则 ${r.id} 的起算规则“${r.startRule}”未知，且未写明种类（kind）`);
  // "一般在一个月内调结": a period the law states as the usual one is a guideline, not a deadline.
  if (implied === 'deadline' && /一般/.test(r.citation.text) && /调结|办结/.test(r.citation.text))
    return 'guideline';
  return implied;
}

/** The in-force date a rule's law carries in its citation, e.g. "2024年1月1日施行". */
function inForceFromCitation(law: string): string {
  const m = law.match(/(\d{4})年(\d{1,2})月(\d{1,2})日(?:起)?施行/);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '1900-01-01';
}

function toRule(r: z.infer<typeof rawRule>, file: string): Rule {
  const months = r.months ?? r.recurMonths;
  const unit: RuleUnit = r.hours ? 'hours' : months ? 'months' : r.unit;
  const from = r.inForceFrom ?? inForceFromCitation(r.citation.law);
  return {
    id: r.id,
    line: lineIds[r.businessLine] ?? r.businessLine,
    lineName: r.businessLine,
    event: r.event,
    kind: kindOf(r, file),
    unit,
    count: r.hours ?? months ?? r.days ?? null,
    startRule: r.startRule,
    trigger: r.trigger ?? null,
    actor: r.actor ?? null,
    citation: r.citation,
    alsoCited: r.alsoCited ?? [],
    verified: r.verified ?? /checked verbatim/.test(r.source ?? ''),
    source: r.source ?? '',
    notes: r.notes ?? null,
    inForceFrom: from,
    inForceTo: r.inForceTo ?? null,
    onExpiry: r.onExpiry ?? r.citation.text.match(/(视为[^，。；、]{1,16})/)?.[1] ?? null,
    version: from,
  };
}

/** The rules of one file's JSON; refuses (RuleFileError) a rule of an unknown kind or counting rule. */
export function parseRules(json: unknown, file: string): Rule[] {
  const parsed = z.array(rawRule).safeParse(json);
  if (!parsed.success) throw new RuleFileError(`${file} 格式有误：${z.prettifyError(parsed.error)}`);
  return parsed.data.map((r) => toRule(r, file));
}

function readRules(file: string): Rule[] {
  const url = new URL(`../../../reference/${file}`, import.meta.url);
  if (!fs.existsSync(url)) return [];
  return parseRules(JSON.parse(fs.readFileSync(url, 'utf8')), file);
}

/**
 * A line's own rules file, reference/deadline-rules-<line>.json (e.g. deadline-rules-mediation.json): the rules of a
 * business line added after the research note, kept beside the shipped table so each line's file merges alone.
 */
function lineRuleFiles(): string[] {
  const dir = new URL('../../../reference/', import.meta.url);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^deadline-rules-[a-z][a-zA-Z0-9-]*\.json$/.test(f))
    .sort();
}

let cache: Rule[] | undefined;
/** Every rule version: the shipped table, the local additions, then each line's own file. */
export function allRules(): Rule[] {
  cache ??= [
    ...readRules('deadline-rules.json'),
    ...readRules('deadline-rules.local.json'),
    ...lineRuleFiles().flatMap(readRules),
  ];
  return cache;
}

export class UnknownRuleError extends Error {}

/** The version of rule `id` in force on `date` (the triggering event's business date). */
export function ruleInForce(id: string, date: string): Rule {
  const versions = allRules().filter((r) => r.id === id);
  if (!versions.length) throw new UnknownRuleError(`没有编号为 ${id} 的法定期限规则`);
  const match = versions.find((r) => r.inForceFrom <= date && (r.inForceTo === null || date < r.inForceTo));
  // Before the earliest version took effect, the earliest known version is the best available guide.
  return match ?? versions.reduce((a, b) => (a.inForceFrom <= b.inForceFrom ? a : b));
}

export function ruleVersion(id: string, version: string): Rule {
  const r = allRules().find((x) => x.id === id && x.version === version);
  if (!r) throw new UnknownRuleError(`没有编号为 ${id}（${version}）的规则版本`);
  return r;
}

export const ruleKindLabels: Record<RuleKind, string> = {
  deadline: '法定期限',
  minimum: '最短期限（不少于）',
  guideline: '指导性期限（一般）',
  beforeEvent: '事前期限（至迟于事件前）',
  duration: '最长持续期间',
  recurring: '周期性义务',
  alert: '预警阈值',
  partyPeriod: '当事人期间（供参考）',
};
