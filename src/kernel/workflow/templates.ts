import { createHash } from 'node:crypto';
import type { Tx } from '../../platform/db/pool.ts';
import type { OfficialDocSpec } from '../documents/index.ts';
import { RENDERER_VERSION } from '../documents/index.ts';
import type { MatterView } from './types.ts';

export interface TemplateContext {
  tx: Tx;
  matter: MatterView;
  /** The issuing event's data. */
  data: Record<string, unknown>;
  docNumber: string;
  /** Business date of issue, e.g. 2025-07-01. */
  issuedOn: string;
}

/**
 * An official document template: what a line issues at a step. `render` gathers what it needs (parties, facts)
 * and returns the document's content; the kernel numbers it, renders it to GB/T 9704 DOCX and stores it.
 */
export interface DocumentTemplate {
  id: string;
  title: string;
  /** The default number prefix, e.g. 镇司复; a bureau overrides it in settings (docPrefix.<id>). */
  defaultPrefix: string;
  render: (ctx: TemplateContext) => Promise<Omit<OfficialDocSpec, 'docNumber'>>;
}

const templates = new Map<string, DocumentTemplate>();

export function registerTemplate(t: DocumentTemplate) {
  templates.set(t.id, t);
}

export function getTemplate(id: string): DocumentTemplate {
  const t = templates.get(id);
  if (!t) throw new Error(`unknown document template ${id}`);
  return t;
}

/** The hash stored with every issued document: the template's code and the renderer's layout version. */
export const templateHash = (t: DocumentTemplate) =>
  createHash('sha256')
    .update(`${t.id}\n${t.title}\n${t.render.toString()}\n${RENDERER_VERSION}`)
    .digest('hex');

/** 2025年7月1日: the date of an official document, Arabic numerals without leading zeros. */
export const chineseDate = (d: string) =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
