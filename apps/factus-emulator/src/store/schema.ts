// SQLite schema of the emulated Factus account. Applied on every Durable Object start; statements are idempotent.
// An account stored before debit notes (and `dian-pending=N`), or before support documents and adjustment notes, has
// its documents table rebuilt: see Store.migrate.
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS tokens (
  access_token TEXT PRIMARY KEY,
  refresh_token TEXT NOT NULL UNIQUE,
  username TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  refresh_expires_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS ranges (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document TEXT NOT NULL,
  prefix TEXT NOT NULL,
  range_from INTEGER NOT NULL,
  range_to INTEGER NOT NULL,
  current INTEGER NOT NULL,
  resolution_number TEXT,
  start_date TEXT,
  end_date TEXT,
  technical_key TEXT,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('bill', 'credit_note', 'debit_note', 'support_document', 'adjustment_note')),
  number TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  range_id INTEGER NOT NULL,
  reference_code TEXT NOT NULL,
  status INTEGER NOT NULL,
  request TEXT NOT NULL,
  totals TEXT NOT NULL,
  cufe TEXT NOT NULL,
  errors TEXT NOT NULL,
  created_at TEXT NOT NULL,
  validated_at TEXT,
  bill_id INTEGER,
  pending_resends INTEGER NOT NULL DEFAULT 0,
  final_verdict TEXT,
  UNIQUE (kind, reference_code)
);
CREATE INDEX IF NOT EXISTS documents_pending ON documents (range_id, status);
CREATE TABLE IF NOT EXISTS emails (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL,
  email TEXT NOT NULL,
  sent_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS radian_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL,
  number TEXT NOT NULL,
  cude TEXT NOT NULL,
  event_code TEXT NOT NULL,
  effective_at TEXT NOT NULL
);
`;

/** The columns of `documents` an account stored before debit notes already had. */
export const DOCUMENT_COLUMNS_BEFORE_DEBIT_NOTES =
  "id, kind, number, prefix, range_id, reference_code, status, request, totals, cufe, errors, created_at, validated_at, bill_id";
/** The columns an account stored with debit notes but before support documents had: all of them. */
export const DOCUMENT_COLUMNS_BEFORE_SUPPORT_DOCUMENTS = `${DOCUMENT_COLUMNS_BEFORE_DEBIT_NOTES}, pending_resends, final_verdict`;

/** A range an account starts with. */
export interface SeedRange {
  id: number;
  document: string;
  prefix: string;
  range_from: number;
  range_to: number;
  resolution_number: string | null;
  start_date: string;
  end_date: string;
  technical_key: string | null;
}

const SANDBOX_DATES = { start_date: "2019-01-19", end_date: "2030-01-19" } as const;

/**
 * The ranges of support documents (24, SEDS as in both versions' examples) and their adjustment notes (25, NA), which
 * v1 and v2 accounts both issue. An account stored before them gets them when its documents table is rebuilt.
 */
export const SUPPORT_RANGES: readonly SeedRange[] = [
  {
    id: 7,
    document: "24",
    prefix: "SEDS",
    range_from: 984000000,
    range_to: 985000000,
    resolution_number: "18760000009",
    ...SANDBOX_DATES,
    technical_key: null,
  },
  {
    id: 8,
    document: "25",
    prefix: "NA",
    range_from: 1,
    range_to: 16000000,
    resolution_number: null,
    ...SANDBOX_DATES,
    technical_key: null,
  },
];

/**
 * A v1 account's ranges: a bill range like Factus' SETP, a credit-note range, and the support-document and
 * adjustment-note ranges (the documents v1 issues here).
 */
export const SEED_RANGES: readonly SeedRange[] = [
  {
    id: 4,
    document: "21",
    prefix: "SETP",
    range_from: 990000000,
    range_to: 995000000,
    resolution_number: "18760000001",
    ...SANDBOX_DATES,
    technical_key: "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c",
  },
  {
    id: 5,
    document: "22",
    prefix: "NC",
    range_from: 1,
    range_to: 16000000,
    resolution_number: null,
    ...SANDBOX_DATES,
    technical_key: null,
  },
  ...SUPPORT_RANGES,
];

/**
 * A v2 account's ranges: one active range per document v2 issues (bills, credit and debit notes, support documents
 * and their adjustment notes), prefixes as in the v2 examples (SETP…, NC, ND, SEDS…, NA). Listed by id.
 */
export const SEED_RANGES_V2: readonly SeedRange[] = [
  ...SEED_RANGES.slice(0, 2),
  {
    id: 6,
    document: "23",
    prefix: "ND",
    range_from: 1,
    range_to: 16000000,
    resolution_number: null,
    ...SANDBOX_DATES,
    technical_key: null,
  },
  ...SUPPORT_RANGES,
];
