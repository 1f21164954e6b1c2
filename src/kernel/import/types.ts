/**
 * A line's ledger import (台账导入), declared beside its kinds: the columns of the bureau's Excel ledger and where
 * each cell goes in the kind's intake payload. A row is then checked by the intake form's own zod schema, so a
 * ledger row and a typed form are refused for the same reasons with the same Chinese messages.
 */

/** How a cell is read before it is put into the payload. */
export type CellKind =
  /** Text as typed (trimmed); empty → left out. */
  | 'text'
  /** An Excel date, or text 2025-03-03, 2025/3/3, 2025.3.3, 2025年3月3日 → YYYY-MM-DD. */
  | 'date'
  /** 是/否 → true/false; empty → left out (the schema's default applies). */
  | 'boolean'
  /** An amount as clerks type it: 3000, 3,000.50, ￥3000, 3000元 → a number; anything else refused. */
  | 'number';

export interface ImportColumn {
  /** Path of the field in the kind's create payload, e.g. `receivedOn`, `applicants.0.idNumber`. */
  field: string;
  /** The Chinese column header of the ledger (and of the template). */
  header: string;
  /** The example cell of the template's second row. */
  example: string;
  /** Marked with * in the template; the schema decides what is really required. */
  required?: boolean;
  cell?: CellKind;
  /** A vocabulary: the cell holds the Chinese label, the payload gets its code; the template offers a drop-down. */
  labels?: Record<string, string>;
  /** The cell names an organisation of the organ directory (full or short name) of these kinds; the payload gets its id. */
  org?: readonly string[];
  /**
   * Personal data (an identity or phone number): masked whenever shown back, and, like every cell, kept only
   * sealed with the data key until the row is imported.
   */
  personal?: 'idNumber' | 'phone';
  /** A hint for the template's instructions sheet. */
  note?: string;
}

export interface ImportDef {
  /** The matter kind each row becomes (of the declaring line). */
  kind: string;
  /** What the page offers, e.g. 行政复议申请台账. */
  label: string;
  columns: ImportColumn[];
  /** Fixed fields of every row's payload that the ledger does not carry (e.g. the channel of a legacy ledger). */
  fixed?: Record<string, unknown>;
}
