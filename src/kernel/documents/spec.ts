/**
 * The input of the official-document renderers, and the sanitising every user string goes through.
 * Strings are data only: they end up in text runs (DOCX) or escaped text nodes (HTML), never in
 * markup, fields, hyperlinks or relationships.
 */
import { z } from 'zod';

/** 成文日期 in Arabic numerals without leading zeros, e.g. 2025年7月1日 (GB/T 9704-2012 7.3.5.1). */
const CHINESE_DATE = /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/;

const dateString = z.string().regex(CHINESE_DATE, '日期须为阿拉伯数字且不编虚位，如“2025年7月1日”');

export const bodyBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string().max(20_000) }).strict(),
  z
    .object({
      type: z.literal('heading'),
      level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      text: z.string().min(1).max(500),
    })
    .strict(),
  z
    .object({
      type: z.literal('table'),
      rows: z
        .array(z.array(z.string().max(2_000)).min(1).max(20))
        .min(1)
        .max(500),
      header: z.boolean().optional(),
      /** Relative column widths (e.g. [5, 12, 5, 9]); equal columns without. */
      widths: z.array(z.number().positive()).min(1).max(20).optional(),
    })
    .strict(),
]);

export const officialDocSpecSchema = z
  .object({
    /** 作废 mark of a voided document (更正): why and when, printed in red above everything and in every page header. */
    voidMark: z.string().min(1).max(600).optional(),
    /** 发文机关标志, printed in red for 文件-style documents, e.g. 宁波市镇海区司法局文件. */
    authorityMark: z.string().min(1).max(60).optional(),
    /** 发文字号, e.g. 镇司复〔2025〕12号. */
    docNumber: z.string().min(1).max(60).optional(),
    /** 标题; '\n' splits it over several centred lines. */
    title: z.string().min(1).max(300),
    /** 主送机关. */
    recipient: z.string().min(1).max(300).optional(),
    body: z.array(bodyBlockSchema).max(2_000),
    /** 附件说明: names only, numbered automatically when there are several. */
    attachments: z.array(z.string().min(1).max(200)).max(50).optional(),
    /** 发文机关署名. */
    signature: z.string().min(1).max(100),
    /** 成文日期. */
    date: dateString,
    /** 附注, printed in parentheses below the date. */
    note: z.string().min(1).max(1_000).optional(),
    /** 版记: 抄送机关 and 印发机关 + 印发日期. */
    colophon: z
      .object({
        copyTo: z.string().min(1).max(1_000).optional(),
        printedBy: z.string().min(1).max(100),
        printedDate: dateString,
      })
      .strict()
      .optional(),
  })
  .strict();

export type OfficialDocSpec = z.infer<typeof officialDocSpecSchema>;
export type BodyBlock = z.infer<typeof bodyBlockSchema>;

/**
 * C0/C1 controls are invalid in XML 1.0 or invisible; U+FFFE/U+FFFF and lone surrogates are invalid
 * XML; bidi overrides/isolates could make the printed text read differently from what was approved.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that may span lines: CR/LF and Unicode line separators become '\n', tabs a space. */
export function cleanMultiline(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(UNSAFE, '')
    .replace(LONE_SURROGATE, '');
}

/** Single-line fields (number, signature, dates…): line breaks are dropped. */
export function cleanInline(text: string): string {
  return cleanMultiline(text).replace(/\n+/g, '').trim();
}

/**
 * The standard requires 六角括号 around the year of a 发文字号; people type [2025], (2025), 【2025】
 * or ［2025］, so normalise those rather than print a non-compliant number.
 */
export function normaliseDocNumber(text: string): string {
  return cleanInline(text).replace(/[[(（【［〔]\s*(\d{4})\s*[\])）】］〕]/, '〔$1〕');
}

/** 主送机关 ends with a full-width colon. */
export function normaliseRecipient(text: string): string {
  return `${cleanInline(text).replace(/[:：]+$/, '')}：`;
}

/** 附注 is printed in parentheses. */
export function normaliseNote(text: string): string {
  const clean = cleanInline(text);
  return /^[（(].*[）)]$/.test(clean) ? `（${clean.slice(1, -1)}）` : `（${clean}）`;
}
