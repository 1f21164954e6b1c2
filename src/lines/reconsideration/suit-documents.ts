/**
 * The defendant organ's papers for the court (行政诉讼法第六十七条第一款: evidence, the normative documents relied on
 * and the 答辩状 within 15 days of receiving the complaint): 答辩状, 证据目录, 法定代表人身份证明书, 授权委托书.
 * They speak for the defendant organ, which signs them; the reconsideration office prepares them.
 */
import { defineTemplate } from '../../kernel/workflow/templates.ts';
import { actKinds } from './labels.ts';
import type { DefenceInput } from './suit-schemas.ts';
import { type SuitFacts, suitFacts } from './suit-store.ts';

const LAW = '《中华人民共和国行政诉讼法》';
const p = (text: string) => ({ type: 'paragraph' as const, text });
const caseName = (f: SuitFacts) =>
  `${f.plaintiff}诉${f.defendant}${actKinds[f.actKind as keyof typeof actKinds] ?? ''}一案（${f.court}${f.caseNumber}）`;
const authorities = {
  general: '一般代理',
  special: '特别授权：代为承认、放弃、变更诉讼请求，进行和解，提起上诉',
};

/** A template of the defence step, signed by the defendant organ. */
function suitTemplate(
  id: string,
  title: string,
  prefix: string,
  body: (f: SuitFacts, d: DefenceInput) => ReturnType<typeof p>[],
) {
  return defineTemplate<DefenceInput>({
    id: `reconsideration.suit.${id}`,
    title,
    defaultPrefix: prefix,
    render: async ({ tx, matter, data }) => {
      const f = await suitFacts(tx, matter.id);
      return { title, body: body(f, data), signature: f.defendant };
    },
  });
}

export const defenceStatement = suitTemplate('defence', '行政答辩状', '镇司应答', (f, d) => [
  p(`答辩人：${f.defendant}`),
  p(`法定代表人：${d.legalRepresentative}，${d.legalRepresentativeTitle}`),
  ...d.agents.map((a) => p(`委托代理人：${a.name}，${a.position}`)),
  p(`被答辩人（原告）：${f.plaintiff}`),
  p(`答辩人就${caseName(f)}，依照${LAW}第六十七条第一款的规定，提出答辩如下：`),
  p(d.defence),
  p('综上，请求人民法院依法驳回原告的诉讼请求。'),
  p('此致'),
  p(f.court),
  p(
    `附：1. 证据目录及证据材料；2. 作出行政行为所依据的规范性文件${d.normativeDocuments.length ? `（${d.normativeDocuments.length}件）` : ''}；3. 法定代表人身份证明书；4. 授权委托书。`,
  ),
]);

export const evidenceList = suitTemplate('evidence', '证据目录', '镇司应证', (f, d) => [
  p(`提交人：${f.defendant}（被告）`),
  p(`案件：${caseName(f)}`),
  p(
    `依照${LAW}第三十四条第一款、第六十七条第一款的规定，提交作出被诉行政行为的证据和所依据的规范性文件如下：`,
  ),
  ...d.evidence.map((e, i) =>
    p(`${i + 1}. ${e.name}${e.source ? `（来源：${e.source}）` : ''}。证明目的：${e.purpose}`),
  ),
  ...(d.normativeDocuments.length
    ? [p('所依据的规范性文件：'), ...d.normativeDocuments.map((n, i) => p(`${i + 1}. ${n}`))]
    : []),
]);

export const legalRepresentativeCertificate = suitTemplate(
  'legalRepresentative',
  '法定代表人身份证明书',
  '镇司应法',
  (f, d) => [
    p(`${d.legalRepresentative}在我单位任${d.legalRepresentativeTitle}职务，是我单位的法定代表人。`),
    p(`本证明书用于${caseName(f)}。`),
    p('特此证明。'),
  ],
);

export const powerOfAttorney = suitTemplate('powerOfAttorney', '授权委托书', '镇司应委', (f, d) => [
  p(`委托人：${f.defendant}`),
  p(`法定代表人：${d.legalRepresentative}，${d.legalRepresentativeTitle}`),
  ...d.agents.map((a) => p(`受委托人：${a.name}，${a.position}`)),
  p(`现委托上列受委托人在${caseName(f)}中，作为我单位的诉讼代理人（${LAW}第三十一条第一款）。`),
  ...d.agents.map((a) => p(`${a.name}的代理权限：${authorities[a.authority]}。`)),
]);

export const suitTemplates = [
  defenceStatement,
  evidenceList,
  legalRepresentativeCertificate,
  powerOfAttorney,
];
