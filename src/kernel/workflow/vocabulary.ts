/**
 * Code lists of the lines (act kinds, decision types …) as indicator SQL sees them. Fact queries join the
 * `vocabulary` relation, which the indicator kernel binds as one JSON parameter of every query: labels are data
 * passed to PostgreSQL, never text spliced into SQL.
 */
const vocabularies = new Map<string, Record<string, string>>();

const NAME = /^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/;

/** Registered by registerLine: `line.name` → code → label. */
export function registerVocabularies(line: string, lists: Record<string, Record<string, string>>) {
  for (const [name, labels] of Object.entries(lists)) vocabularies.set(`${line}.${name}`, labels);
}

/** Every registered label as rows, the parameter behind the `vocabulary` relation. */
export const vocabularyRows = () =>
  JSON.stringify(
    [...vocabularies].flatMap(([vocabulary, labels]) =>
      Object.entries(labels).map(([code, label]) => ({ vocabulary, code, label })),
    ),
  );

// Fact queries are built when a line's module loads, before the line registers its vocabularies: the name is checked
// here, its existence by the line contract (vocabulariesNamedIn).
function named(name: string) {
  if (!NAME.test(name)) throw new Error(`vocabulary name ${name} is not line.name`);
  return name;
}

/** The vocabularies a fact query joins. */
export const vocabulariesNamedIn = (sql: string) =>
  [...sql.matchAll(/vocabulary = '([^']+)'/g)].map((m) => m[1]!);

/** `LEFT JOIN` giving `alias.label` for the code in `codeSql`, e.g. labelJoin('reconsideration.actKind', 'a.act_kind', 'k'). */
export const labelJoin = (name: string, codeSql: string, alias: string) =>
  `LEFT JOIN vocabulary ${alias} ON ${alias}.vocabulary = '${named(name)}' AND ${alias}.code = ${codeSql}`;

/** The label of the code in `codeSql` as a scalar expression. */
export const labelOf = (name: string, codeSql: string) =>
  `(SELECT label FROM vocabulary WHERE vocabulary = '${named(name)}' AND code = ${codeSql})`;

export const vocabularyKnown = (name: string) => vocabularies.has(name);
