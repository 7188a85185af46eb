// Row types of the emulator's tables, as SQLite returns them.

export interface RangeRow {
  id: number;
  document: string;
  prefix: string;
  range_from: number;
  range_to: number;
  current: number;
  resolution_number: string | null;
  start_date: string | null;
  end_date: string | null;
  technical_key: string | null;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export interface DocumentRow {
  id: number;
  kind: "bill" | "credit_note" | "debit_note" | "support_document" | "adjustment_note";
  number: string;
  prefix: string;
  range_id: number;
  reference_code: string;
  status: number;
  request: string;
  totals: string;
  cufe: string;
  errors: string;
  created_at: string;
  validated_at: string | null;
  /** The document a note corrects: a credit or debit note's bill, an adjustment note's support document. */
  bill_id: number | null;
  /** Re-sends that will still find DIAN slow (`dian-pending=N`, test-only). */
  pending_resends: number;
  /** What DIAN answers a pending document once it does: "rejected", or null for its usual verdict (test-only). */
  final_verdict: "rejected" | null;
}

export interface TokenRow {
  access_token: string;
  refresh_token: string;
  username: string;
  expires_at: number;
  refresh_expires_at: number;
  revoked: number;
}

export interface EventRow {
  id: number;
  document_id: number;
  number: string;
  cude: string;
  event_code: string;
  effective_at: string;
}
