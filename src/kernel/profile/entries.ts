/**
 * Every entry of the bureau profile (本机关设置), as a page edits it: the bureau-wide names, and one group per
 * document template and per matter kind of the registered lines. The list is derived from the line registry, so a
 * new line's templates and kinds appear without code here. Each entry is a settings key the kernel reads.
 */
import { allLines } from '../workflow/registry.ts';

export type EntryKind = 'name' | 'prefix' | 'flag';

export interface ProfileEntry {
  /** The settings key, e.g. docPrefix.reconsideration.acceptance. */
  key: string;
  label: string;
  kind: EntryKind;
  /** Most characters allowed (text entries). */
  max: number;
  /** What applies while the bureau has not set the entry: a fixed text, or another entry's value. */
  fallback: { value: string | boolean } | { entry: string };
  hint?: string;
  /** The template or kind a per-document entry belongs to, named in messages (受理通知书的文号前缀…). */
  where?: string;
}

/** How messages name an entry. */
export const entryName = (e: ProfileEntry) => (e.where ? `${e.where}的${e.label}` : e.label);

export interface ProfileGroup {
  id: string;
  title: string;
  entries: ProfileEntry[];
}

/** The bureau-wide names: keys of the settings table, read by issuerFor and by templates through ProfileNames. */
export const NAME_KEYS = {
  bureau: 'profile.bureauName',
  districtGovernment: 'profile.districtGovernmentName',
  reconsiderationOrgan: 'profile.reconsiderationOrganName',
  reconsiderationBody: 'profile.reconsiderationBodyName',
  specialSeal: 'profile.reconsiderationSealAuthorised',
} as const;

/** Fallbacks of the two organ names that come from the organisation registry, filled in by the store. */
export const ORG_DEFAULTS = { bureau: '@org:bureau', districtGovernment: '@org:districtGovernment' } as const;

const name = (
  key: string,
  label: string,
  fallback: ProfileEntry['fallback'],
  hint?: string,
): ProfileEntry => ({
  key,
  label,
  kind: 'name',
  max: 60,
  fallback,
  ...(hint ? { hint } : {}),
});

const prefix = (
  key: string,
  label: string,
  fallback: ProfileEntry['fallback'],
  hint?: string,
): ProfileEntry => ({
  key,
  label,
  kind: 'prefix',
  max: 20,
  fallback,
  ...(hint ? { hint } : {}),
});

/** The groups of the organs' names, the same whatever lines are registered. */
const organGroups = (): ProfileGroup[] => [
  {
    id: 'names',
    title: '机关名称',
    entries: [
      name(
        NAME_KEYS.bureau,
        '本机关名称',
        { value: ORG_DEFAULTS.bureau },
        '发文机关、落款未单独设置时用此名称',
      ),
      name(NAME_KEYS.districtGovernment, '区人民政府名称', { value: ORG_DEFAULTS.districtGovernment }),
    ],
  },
  {
    id: 'reconsideration',
    title: '复议机关与复议机构',
    entries: [
      name(
        NAME_KEYS.reconsiderationOrgan,
        '行政复议机关',
        { entry: NAME_KEYS.districtGovernment },
        '以复议机关名义作出的文书署此名称（行政复议法第四条）',
      ),
      name(NAME_KEYS.reconsiderationBody, '行政复议机构', { entry: NAME_KEYS.bureau }),
      {
        key: NAME_KEYS.specialSeal,
        label: '已获授权使用行政复议专用章',
        kind: 'flag',
        max: 0,
        fallback: { value: false },
      },
    ],
  },
];

/** The organs' entries (NAME_KEYS), whose fallbacks name only each other: what profileNames resolves. */
export const organEntries: Map<string, ProfileEntry> = new Map(
  organGroups().flatMap((g) => g.entries.map((e) => [e.key, e])),
);

export function profileGroups(): ProfileGroup[] {
  const groups = organGroups();
  for (const line of allLines()) {
    for (const t of line.templates ?? []) {
      const issuer = `docIssuer.${t.id}`;
      const signature = `docSignature.${t.id}`;
      groups.push({
        id: `template:${t.id}`,
        title: `${line.label} · ${t.title}`,
        entries: [
          prefix(
            `docPrefix.${t.id}`,
            '文号前缀',
            { value: t.defaultPrefix },
            '如“镇司复”，文号为 前缀〔年份〕序号号',
          ),
          name(issuer, '发文机关', { entry: t.speaksAs ? NAME_KEYS[t.speaksAs] : NAME_KEYS.bureau }),
          name(signature, '落款', { entry: issuer }),
          name(`docSeal.${t.id}`, '印章', { entry: signature }),
        ].map((e) => ({ ...e, where: t.title })),
      });
    }
    for (const k of line.kinds) {
      groups.push({
        id: `kind:${line.id}.${k.id}`,
        title: `${line.label} · ${k.label}`,
        entries: [
          { ...prefix(`refPrefix.${line.id}.${k.id}`, '案号前缀', { value: k.refPrefix }), where: k.label },
        ],
      });
    }
  }
  return groups;
}

/** Every entry by key. */
export const profileEntries = () => new Map(profileGroups().flatMap((g) => g.entries.map((e) => [e.key, e])));
