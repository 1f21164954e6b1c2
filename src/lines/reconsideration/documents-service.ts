/**
 * The 送达回证 (proof of service) of every paper whose service the line records: the 复议机构 serves the papers of
 * the 复议机关 and its own, and the recipient's signature and date on it make the day of service (行政复议法第八十八条
 * 第一款, before 2024 the 2017 law's Art. 40(1): service follows the Civil Procedure Law). One template for the five
 * service steps; which paper it proves is read from the issuing step's action.
 */
import { chineseDate } from '../../kernel/workflow/templates.ts';
import { applicantNames, type BuildContext, LAW, p, template } from './documents-common.ts';
import { serviceMethods } from './labels.ts';
import { type ApplicationFacts, orgName } from './store.ts';

interface ServiceData {
  method: keyof typeof serviceMethods;
  receivedOn?: string | undefined;
  recipient?: string | undefined;
  proof?: string | undefined;
}

/** Per service step: the document served (by template id), what goes with it, and to whom. */
const served: Record<
  string,
  { kind: string; with?: string; to: (f: ApplicationFacts, c: BuildContext) => Promise<string> | string }
> = {
  serveCopy: { kind: 'replyNotice', with: '行政复议申请书副本', to: (f) => f.respondentName },
  serveSupplementNotice: { kind: 'supplementNotice', to: applicantNames },
  serveRefusal: { kind: 'refusal', to: applicantNames },
  serveDecision: { kind: 'decision', to: applicantNames },
  serveOpinionLetter: {
    kind: 'opinionLetter',
    to: async (f, c) => {
      const sent = c.matter.history.find((h) => h.action === 'issueOpinionLetter');
      return (await orgName(c.db, Number(sent?.payload.recipientOrgId))) ?? f.respondentName;
    },
  },
};

export const serviceCertificate = template<ServiceData>(
  'serviceCertificate',
  '送达回证',
  '镇政复送',
  'reconsiderationBody',
  async (f, d, c) => {
    const { rows: ev } = await c.db.query<{ action: string }>(
      'SELECT action FROM matter_events WHERE id = $1',
      [c.eventId ?? 0],
    );
    const paper = served[ev[0]?.action ?? ''];
    if (!paper) throw new Error(`no paper to prove the service of (event ${c.eventId})`);
    const { rows: docs } = await c.db.query<{ title: string; doc_number: string }>(
      `SELECT title, doc_number FROM documents WHERE matter_id = $1 AND kind = $2 AND voided_by IS NULL
       ORDER BY id DESC LIMIT 1`,
      [c.matter.id, `reconsideration.${paper.kind}`],
    );
    const doc = docs[0];
    const papers = [doc ? `${doc.title}（${doc.doc_number}）` : null, paper.with ?? null]
      .filter(Boolean)
      .join('、');
    return {
      body: [
        p(`案由：${applicantNames(f)}不服${f.respondentName}${f.actTitle}行政复议案`),
        p(`送达文书：${papers}`),
        p(`受送达人：${await paper.to(f, c)}`),
        p(`送达方式：${serviceMethods[d.method]}`),
        p(`收到日期：${chineseDate(d.receivedOn ?? c.issuedOn)}`),
        p(`签收人：${d.recipient ?? ''}`),
        ...(d.proof ? [p(`送达凭证：${d.proof}`)] : []),
        p(
          `依照${LAW}${c.law2017 ? '第四十条第一款' : '第八十八条第一款'}的规定，行政复议文书的送达依照民事诉讼法关于送达的规定执行；受送达人在送达回证上的签收日期为送达日期。`,
        ),
      ],
    };
  },
);
