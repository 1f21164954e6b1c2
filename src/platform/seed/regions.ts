import fs from 'node:fs';
import type { Tx } from '../db/pool.ts';

interface Divisions {
  source: { package: string; upstream: string };
  district: { code: string; name: string };
  towns: {
    code: string;
    name: string;
    type: string;
    villages: { code: string; name: string; kind: string }[];
  }[];
}

export const divisions: Divisions = JSON.parse(
  fs.readFileSync(new URL('../../../reference/zhenhai-divisions.json', import.meta.url), 'utf8'),
);

/** Loads the district, its towns and villages (NBS statistical codes) if they are not there yet. */
export async function loadRegions(tx: Tx) {
  const source = `${divisions.source.upstream}; via ${divisions.source.package}`;
  const rows = [
    {
      code: divisions.district.code,
      name: divisions.district.name,
      level: 'district',
      kind: '区',
      parent: null as string | null,
    },
    ...divisions.towns.flatMap((t) => [
      { code: t.code, name: t.name, level: 'town', kind: t.type, parent: divisions.district.code },
      ...t.villages.map((v) => ({
        code: v.code,
        name: v.name,
        level: 'village',
        kind: v.kind,
        parent: t.code,
      })),
    ]),
  ];
  await tx.query(
    `INSERT INTO regions (code, name, level, kind, parent_code, source)
     SELECT r.code, r.name, r.level, r.kind, r.parent, $2 FROM jsonb_to_recordset($1::jsonb)
       AS r(code text, name text, level text, kind text, parent text)
     ON CONFLICT (code) DO NOTHING`,
    [JSON.stringify(rows), source],
  );
  return rows.length;
}
