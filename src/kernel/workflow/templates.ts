import { createHash } from 'node:crypto';
import type { Tx } from '../../platform/db/pool.ts';
import type { OfficialDocSpec } from '../documents/index.ts';
import { RENDERER_VERSION } from '../documents/index.ts';
import type { ProfileNames } from '../profile/store.ts';
import type { Issuer } from './issuer.ts';
import type { MatterView } from './types.ts';

export interface TemplateContext<P> {
  tx: Tx;
  matter: MatterView;
  /** The issuing step's data, typed as the step's schema outputs it. */
  data: P;
  /** Business date of issue, e.g. 2025-07-01. */
  issuedOn: string;
  /** The organ the document speaks for, its signature line and seal, from the bureau profile. */
  issuer: Issuer;
  /**
   * The bureau-wide names of the profile in force (本机关, 区人民政府, 复议机关, 复议机构, whether the 行政复议专用章
   * is authorised), read when a template asks.
   */
  names: () => Promise<ProfileNames>;
  /** The issuing step's event (already in matter_events): a template one action of several issues reads which. */
  eventId?: number;
}

/** What a template writes; the kernel adds the number, the issuing organ's signature and the date. */
export type TemplateContent = Omit<OfficialDocSpec, 'docNumber' | 'signature' | 'date'> &
  Partial<Pick<OfficialDocSpec, 'signature'>>;

/**
 * An official document template: what a line issues at a step. `render` gathers what it needs (parties, facts)
 * and returns the document's content; the kernel then numbers it (last, so that the number counter is held only
 * for the end of the step), signs it in the issuer's name and stores its text (the DOCX is rendered at the first
 * download). `P` is the payload type of the step that issues it, so a template reading a
 * field the step does not have is a type error.
 */
export interface TemplateDef<P> {
  id: string;
  title: string;
  /** The default number prefix, e.g. 镇司复; a bureau overrides it in settings (docPrefix.<id>). */
  defaultPrefix: string;
  /**
   * Whose name the document goes out in while the bureau's profile sets no issuer for it (docIssuer.<id>): one of
   * the profile's organ names, e.g. reconsiderationOrgan for an act of the 行政复议机关 (行政复议法第四条); the
   * bureau's name when absent. A default, so it follows a later change of that name in the profile.
   */
  speaksAs?: Exclude<keyof ProfileNames, 'specialSealAuthorised'>;
  render: (ctx: TemplateContext<P>) => Promise<TemplateContent>;
}

/** Declares a template for the payload type of the step that issues it. */
export const defineTemplate = <P>(t: TemplateDef<P>): TemplateDef<P> => t;

// biome-ignore lint/suspicious/noExplicitAny: the registry holds templates of every payload type
type AnyTemplate = TemplateDef<any>;
const templates = new Map<string, AnyTemplate>();

/** Registered by registerLine from the line's declaration; a second template with the same id is refused. */
export function registerTemplate(t: AnyTemplate) {
  const known = templates.get(t.id);
  if (known && known !== t) throw new Error(`document template ${t.id} is declared twice`);
  templates.set(t.id, t);
}

export function getTemplate(id: string): AnyTemplate {
  const t = templates.get(id);
  if (!t) throw new Error(`unknown document template ${id}`);
  return t;
}

export const hasTemplate = (t: AnyTemplate) => templates.get(t.id) === t;

/** The hash stored with every issued document: the template's code and the renderer's layout version. */
export const templateHash = (t: AnyTemplate) =>
  createHash('sha256')
    .update(`${t.id}\n${t.title}\n${t.render.toString()}\n${RENDERER_VERSION}`)
    .digest('hex');

/** 2025年7月1日: the date of an official document, Arabic numerals without leading zeros. */
export const chineseDate = (d: string) =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
