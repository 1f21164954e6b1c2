/** Response contracts of lines and matters (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';
import { roles } from '../../platform/access/roles.ts';
import { timestamp } from '../../platform/http/contracts.ts';
import { deadline, deadlineBadge } from '../deadlines/contracts.ts';

/** A JSON Schema generated from an action's zod schema (with the `x-` keys the form renderer reads). */
const formSchema = z.record(z.string(), z.unknown());

export const stateDef = z.object({ label: z.string(), terminal: z.boolean().optional() });

export const actionDef = z.object({
  label: z.string(),
  from: z.array(z.string()).readonly(),
  roles: z.array(z.enum(roles)).readonly(),
  primary: z.boolean(),
  closes: z.boolean(),
  schema: formSchema,
});

export const kindDef = z.object({
  id: z.string(),
  label: z.string(),
  initial: z.string(),
  states: z.record(z.string(), stateDef),
  create: z.object({ label: z.string(), roles: z.array(z.enum(roles)).readonly(), schema: formSchema }),
  actions: z.record(z.string(), actionDef),
});

/** GET /api/lines: every line with its kinds, states and action table, shared by server and client. */
export const lineDef = z.object({
  id: z.string(),
  label: z.string(),
  kinds: z.array(kindDef),
  /** The matter list offers a 镇街 filter (the line's matters belong to organisations in the towns). */
  byTown: z.boolean().optional(),
  /** The line's own list filters (GET /api/matters?<id>=<value>), with their options in the vocabulary's order. */
  listFilters: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        options: z.array(z.object({ value: z.string(), label: z.string() })),
      }),
    )
    .optional(),
});

export const matterRow = z.object({
  id: z.number(),
  line: z.string(),
  kind: z.string(),
  refNo: z.string(),
  title: z.string(),
  state: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  ownerOrgName: z.string(),
  subjectOrgName: z.string().nullable(),
  version: z.number(),
  /** The nearest running deadline, if any. */
  nextDue: z.string().nullable(),
  nextDueProvisional: z.boolean().nullable(),
  overdue: z.boolean().nullable(),
  /** The nearest deadline's badge, computed by the server exactly as on the matter page. */
  nextDueBadge: deadlineBadge.nullable(),
  nextDueBadgeLabel: z.string().nullable(),
});

/** GET /api/matters: a keyset page, newest first; `nextAfter` continues it. */
export const matterPage = z.object({ items: z.array(matterRow), nextAfter: z.number().nullable() });

export const matterEvent = z.object({
  id: z.number(),
  seq: z.number(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  occurredOn: z.string(),
  actorName: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  recordedAt: timestamp,
  /** The action's Chinese label ("登记行政复议申请" for the create event). */
  label: z.string(),
  /** One line written by the line from the payload, or null when the line has none for this action. */
  summary: z.string().nullable(),
  toStateLabel: z.string(),
  /** The correction event (更正) that voided this step, or null while it stands. */
  voidedBy: z.number().nullable(),
});

/** A block of the line's own facts on the matter page: label/value pairs, or a table (e.g. the parties). */
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const detailSection = z.object({
  title: z.string(),
  fields: z.array(z.object({ label: z.string(), value: cell })).optional(),
  table: z
    .object({
      columns: z.array(z.string()),
      rows: z.array(z.array(cell)),
      /** Per row, a page of the client to open for it (a party's page), or null. */
      links: z.array(z.string().nullable()).optional(),
    })
    .optional(),
});

export const issuedDocument = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  docNumber: z.string(),
  issuedOn: z.string(),
  /** SHA-256 of the DOCX as issued. */
  contentHash: z.string(),
  /** Set when a correction voided (作废) the document: its date and reason. */
  voidedOn: z.string().nullable(),
  voidReason: z.string().nullable(),
});

export const attachment = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: timestamp,
});

/** A step the actor may take in this state, and whether its preconditions hold now (if not, why). */
export const allowedAction = z.object({
  action: z.string(),
  label: z.string(),
  primary: z.boolean(),
  available: z.boolean(),
  reason: z.string().nullable(),
});

/** GET /api/matters/:id: the matter with its timeline, deadlines, documents, attachments and actions. */
export const matterDetail = z.object({
  matter: z.object({
    id: z.number(),
    line: z.string(),
    kind: z.string(),
    refNo: z.string(),
    title: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    kindLabel: z.string(),
    ownerOrgId: z.number(),
    ownerOrgName: z.string(),
    subjectOrgId: z.number().nullable(),
    subjectOrgName: z.string().nullable(),
    regionCode: z.string(),
    openedOn: z.string(),
    closedOn: z.string().nullable(),
    sensitive: z.boolean(),
    version: z.number(),
  }),
  events: z.array(matterEvent),
  deadlines: z.array(deadline),
  documents: z.array(issuedDocument),
  attachments: z.array(attachment),
  allowedActions: z.array(allowedAction),
  details: z.array(detailSection),
  today: z.string(),
});

/** A document a step issued, as the create and action responses list it. */
const issuedRef = z.object({ id: z.number(), kind: z.string(), title: z.string(), docNumber: z.string() });

/** POST /api/lines/:line/:kind (201): the new matter; `warnings` are checks the clerk should look at. */
export const createResult = z.object({
  id: z.number(),
  refNo: z.string(),
  state: z.string(),
  version: z.number(),
  warnings: z.array(z.string()),
  documents: z.array(issuedRef),
});

/** POST /api/lines/:line/:kind/:id/:action: the matter's new state and version, and the documents issued. */
export const transitionResult = z.object({
  id: z.number(),
  state: z.string(),
  version: z.number(),
  eventId: z.number(),
  documents: z.array(issuedRef),
});

/** POST /api/matters/:id/attachments (201). */
export const attachmentUploaded = attachment.omit({ uploadedAt: true });

/** GET /api/matters/:id/correction: the latest step, if its line declares it correctable (更正). */
export const correctionOffer = z.object({
  step: z
    .object({
      eventId: z.number(),
      seq: z.number(),
      action: z.string(),
      label: z.string(),
      occurredOn: z.string(),
      /** The actor holds one of the roles that may correct it. */
      allowed: z.boolean(),
      approvalRequired: z.boolean(),
      approvers: z.array(z.object({ id: z.number(), name: z.string() })),
    })
    .nullable(),
});

/** POST /api/matters/:id/correct: the restored state, the new version, the correction event, the voided documents. */
export const correctionResult = z.object({
  id: z.number(),
  state: z.string(),
  version: z.number(),
  eventId: z.number(),
  correctedEventId: z.number(),
  voidedDocuments: z.array(z.object({ id: z.number(), docNumber: z.string() })),
});
