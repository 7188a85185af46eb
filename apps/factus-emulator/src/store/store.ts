import { partialMatch } from "./partial-match";
import type { DocumentRow, EventRow, RangeRow, TokenRow } from "./rows";
import {
  DOCUMENT_COLUMNS_BEFORE_DEBIT_NOTES,
  DOCUMENT_COLUMNS_BEFORE_SUPPORT_DOCUMENTS,
  SCHEMA,
  type SeedRange,
} from "./schema";

type Bindable = string | number | null;
type DocumentKind = DocumentRow["kind"];

export interface DocumentFilters {
  identification?: string;
  names?: string;
  number?: string;
  prefix?: string;
  reference_code?: string;
  status?: string;
  /** Created on or after this Colombian date (YYYY-MM-DD): v2's `filter[created_at][start_date]`. */
  created_from?: string;
  /** Created on or before this Colombian date: v2's `filter[created_at][end_date]`. */
  created_to?: string;
}

/** The filters Factus matches partially (see `partialMatch`); the others are exact. */
const TEXT_FILTERS = ["identification", "names", "number", "reference_code"] as const;
type TextFilter = (typeof TEXT_FILTERS)[number];

export const PAGE_SIZE = 10;

/**
 * All state of one emulated Factus account, in the Durable Object's SQLite storage. Every method is synchronous,
 * so a sequence of calls without an `await` in between runs atomically (the object is single-threaded).
 */
export class Store {
  constructor(private readonly sql: SqlStorage) {}

  /** Creates the tables when missing, and seeds `ranges` into an account that has none yet. */
  migrate(now: string, ranges: readonly SeedRange[]) {
    this.sql.exec(SCHEMA);
    // SQLite cannot widen a CHECK: an account stored before debit notes, or before support documents and adjustment
    // notes, gets its documents table rebuilt, its documents kept.
    const documents = this.one<{ sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'",
    );
    if (!documents?.sql.includes("adjustment_note")) {
      const columns = documents?.sql.includes("pending_resends")
        ? DOCUMENT_COLUMNS_BEFORE_SUPPORT_DOCUMENTS
        : DOCUMENT_COLUMNS_BEFORE_DEBIT_NOTES;
      this.sql.exec("ALTER TABLE documents RENAME TO documents_before_support_documents");
      this.sql.exec(SCHEMA);
      this.sql.exec(
        `INSERT INTO documents (${columns}) SELECT ${columns} FROM documents_before_support_documents`,
      );
      this.sql.exec("DROP TABLE documents_before_support_documents");
      this.sql.exec(SCHEMA);
      // The account issues support documents and adjustment notes from now on: their seeded ranges, when it has none.
      if (this.countRanges() > 0) {
        for (const range of ranges.filter((seed) => ["24", "25"].includes(seed.document))) {
          if (!this.ranges({ document: range.document }).length)
            this.insertSeedRange(range, now, this.range(range.id) === undefined);
        }
      }
    }
    if (this.countRanges() === 0) {
      for (const range of ranges) this.insertSeedRange(range, now, true);
    }
  }

  private countRanges() {
    return this.one<{ n: number }>("SELECT COUNT(*) AS n FROM ranges")?.n ?? 0;
  }

  /** Inserts a seeded range, under its own id when `keepId` (a fresh account), else under the next free one. */
  private insertSeedRange(range: SeedRange, now: string, keepId: boolean) {
    this.sql.exec(
      `INSERT INTO ranges (id, document, prefix, range_from, range_to, current, resolution_number, start_date,
         end_date, technical_key, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      keepId ? range.id : null,
      range.document,
      range.prefix,
      range.range_from,
      range.range_to,
      range.range_from,
      range.resolution_number,
      range.start_date,
      range.end_date,
      range.technical_key,
      now,
      now,
    );
  }

  private all<T>(query: string, ...bindings: Bindable[]): T[] {
    return this.sql.exec(query, ...bindings).toArray() as T[];
  }

  private one<T>(query: string, ...bindings: Bindable[]): T | undefined {
    return this.all<T>(query, ...bindings)[0];
  }

  // Tokens

  insertToken(token: TokenRow) {
    this.sql.exec(
      "INSERT INTO tokens (access_token, refresh_token, username, expires_at, refresh_expires_at) VALUES (?, ?, ?, ?, ?)",
      token.access_token,
      token.refresh_token,
      token.username,
      token.expires_at,
      token.refresh_expires_at,
    );
  }

  tokenByAccess(accessToken: string) {
    return this.one<TokenRow>("SELECT * FROM tokens WHERE access_token = ? AND revoked = 0", accessToken);
  }

  tokenByRefresh(refreshToken: string) {
    return this.one<TokenRow>("SELECT * FROM tokens WHERE refresh_token = ? AND revoked = 0", refreshToken);
  }

  revokeToken(accessToken: string) {
    this.sql.exec("UPDATE tokens SET revoked = 1 WHERE access_token = ?", accessToken);
  }

  // Numbering ranges

  ranges(
    filters: Partial<Record<"id" | "document" | "resolution_number" | "technical_key" | "is_active", string>>,
  ) {
    const where: string[] = [];
    const bindings: Bindable[] = [];
    for (const [column, value] of Object.entries(filters)) {
      if (value === undefined || value === "") continue;
      where.push(`${column} = ?`);
      bindings.push(value);
    }
    return this.all<RangeRow>(
      `SELECT * FROM ranges ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id`,
      ...bindings,
    );
  }

  range(id: number) {
    return this.one<RangeRow>("SELECT * FROM ranges WHERE id = ?", id);
  }

  insertRange(range: Omit<RangeRow, "id">) {
    return this.one<{ id: number }>(
      `INSERT INTO ranges (document, prefix, range_from, range_to, current, resolution_number, start_date, end_date,
         technical_key, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      range.document,
      range.prefix,
      range.range_from,
      range.range_to,
      range.current,
      range.resolution_number,
      range.start_date,
      range.end_date,
      range.technical_key,
      range.is_active,
      range.created_at,
      range.updated_at,
    )!.id;
  }

  setCurrent(id: number, current: number, now: string) {
    this.sql.exec("UPDATE ranges SET current = ?, updated_at = ? WHERE id = ?", current, now, id);
  }

  setActive(id: number, active: boolean, now: string) {
    this.sql.exec("UPDATE ranges SET is_active = ?, updated_at = ? WHERE id = ?", active ? 1 : 0, now, id);
  }

  deleteRange(id: number) {
    this.sql.exec("DELETE FROM ranges WHERE id = ?", id);
  }

  rangeHasDocuments(id: number) {
    return this.one<{ n: number }>("SELECT COUNT(*) AS n FROM documents WHERE range_id = ?", id)!.n > 0;
  }

  /** Takes the range's next consecutive number; undefined when the range is exhausted. */
  takeNumber(rangeId: number, now: string): number | undefined {
    return this.one<{ taken: number }>(
      `UPDATE ranges SET current = current + 1, updated_at = ? WHERE id = ? AND current <= range_to
       RETURNING current - 1 AS taken`,
      now,
      rangeId,
    )?.taken;
  }

  // Documents (bills, credit and debit notes, support documents and adjustment notes)

  documentByReference(kind: DocumentKind, referenceCode: string) {
    return this.one<DocumentRow>(
      "SELECT * FROM documents WHERE kind = ? AND reference_code = ?",
      kind,
      referenceCode,
    );
  }

  documentByNumber(kind: DocumentKind, number: string) {
    return this.one<DocumentRow>("SELECT * FROM documents WHERE kind = ? AND number = ?", kind, number);
  }

  documentById(id: number) {
    return this.one<DocumentRow>("SELECT * FROM documents WHERE id = ?", id);
  }

  /** The range's documents DIAN has not validated (waiting for its answer, or rejected), oldest first. */
  unvalidatedInRange(rangeId: number) {
    return this.all<DocumentRow>(
      "SELECT * FROM documents WHERE range_id = ? AND status = 0 ORDER BY id",
      rangeId,
    );
  }

  insertDocument(row: Omit<DocumentRow, "id">) {
    return this.one<{ id: number }>(
      `INSERT INTO documents (kind, number, prefix, range_id, reference_code, status, request, totals, cufe, errors,
         created_at, validated_at, bill_id, pending_resends, final_verdict)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      row.kind,
      row.number,
      row.prefix,
      row.range_id,
      row.reference_code,
      row.status,
      row.request,
      row.totals,
      row.cufe,
      row.errors,
      row.created_at,
      row.validated_at,
      row.bill_id,
      row.pending_resends,
      row.final_verdict,
    )!.id;
  }

  updateDocument(
    id: number,
    row: Pick<
      DocumentRow,
      | "status"
      | "request"
      | "totals"
      | "cufe"
      | "errors"
      | "validated_at"
      | "created_at"
      | "pending_resends"
      | "final_verdict"
    >,
  ) {
    this.sql.exec(
      `UPDATE documents SET status = ?, request = ?, totals = ?, cufe = ?, errors = ?, validated_at = ?, created_at = ?,
         pending_resends = ?, final_verdict = ? WHERE id = ?`,
      row.status,
      row.request,
      row.totals,
      row.cufe,
      row.errors,
      row.validated_at,
      row.created_at,
      row.pending_resends,
      row.final_verdict,
      id,
    );
  }

  deleteDocument(id: number) {
    this.sql.exec("DELETE FROM documents WHERE id = ?", id);
    this.sql.exec("DELETE FROM emails WHERE document_id = ?", id);
    this.sql.exec("DELETE FROM radian_events WHERE document_id = ?", id);
  }

  /** The notes of a kind (credit, debit or adjustment) that reference a document (a bill, a support document). */
  notesOf(kind: DocumentKind, billId: number) {
    return this.all<DocumentRow>(
      "SELECT * FROM documents WHERE kind = ? AND bill_id = ? ORDER BY id",
      kind,
      billId,
    );
  }

  /**
   * One page of documents, newest first, filtered like Factus' `filter[...]`: `prefix` and `status` exactly, the
   * creation dates by Colombian calendar day, the text fields by `partialMatch` (in JS: SQLite's LIKE refuses long
   * patterns).
   */
  documents(kind: DocumentKind, filters: DocumentFilters, page: number, perPage = PAGE_SIZE) {
    const where = ["kind = ?"];
    const bindings: Bindable[] = [kind];
    if (filters.prefix) {
      where.push("prefix = ?");
      bindings.push(filters.prefix);
    }
    if (filters.status === "0" || filters.status === "1") {
      where.push("status = ?");
      bindings.push(Number(filters.status));
    }
    // Colombia is UTC−5 all year.
    if (filters.created_from) {
      where.push("date(created_at, '-5 hours') >= ?");
      bindings.push(filters.created_from);
    }
    if (filters.created_to) {
      where.push("date(created_at, '-5 hours') <= ?");
      bindings.push(filters.created_to);
    }
    const candidates = this.all<{ id: number } & Record<TextFilter, string | number | null>>(
      // The party is the customer of a bill or note, the provider (the seller) of a support document or its note.
      `SELECT id, number, reference_code,
         coalesce(json_extract(request, '$.customer.identification'), json_extract(request, '$.provider.identification'))
           AS identification,
         coalesce(json_extract(request, '$.customer.names'), json_extract(request, '$.provider.names'), '') || ' ' ||
         coalesce(json_extract(request, '$.customer.company'), json_extract(request, '$.provider.trade_name'), '')
           AS names
       FROM documents WHERE ${where.join(" AND ")} ORDER BY id DESC`,
      ...bindings,
    );
    const matchers = TEXT_FILTERS.flatMap((field) => {
      const filter = filters[field];
      return filter ? [{ field, matches: partialMatch(filter) }] : [];
    });
    const ids = candidates
      .filter((row) => matchers.every(({ field, matches }) => matches(row[field])))
      .map((row) => row.id);
    const pageIds = ids.slice((page - 1) * perPage, page * perPage);
    const rows = pageIds.length
      ? this.all<DocumentRow>(
          `SELECT * FROM documents WHERE id IN (${pageIds.map(() => "?").join(", ")}) ORDER BY id DESC`,
          ...pageIds,
        )
      : [];
    return { rows, total: ids.length };
  }

  // E-mail and RADIAN

  recordEmail(documentId: number, email: string, now: string) {
    this.sql.exec(
      "INSERT INTO emails (document_id, email, sent_at) VALUES (?, ?, ?)",
      documentId,
      email,
      now,
    );
  }

  emailsOf(documentId: number) {
    return this.all<{ email: string; sent_at: string }>(
      "SELECT email, sent_at FROM emails WHERE document_id = ? ORDER BY id",
      documentId,
    );
  }

  insertEvent(event: Omit<EventRow, "id">) {
    this.sql.exec(
      "INSERT INTO radian_events (document_id, number, cude, event_code, effective_at) VALUES (?, ?, ?, ?, ?)",
      event.document_id,
      event.number,
      event.cude,
      event.event_code,
      event.effective_at,
    );
  }

  eventsOf(documentId: number) {
    return this.all<EventRow>("SELECT * FROM radian_events WHERE document_id = ? ORDER BY id", documentId);
  }

  /** When the account was opened: its seeded ranges' creation. */
  createdAt(): string {
    return (
      this.one<{ at: string | null }>("SELECT MIN(created_at) AS at FROM ranges")?.at ??
      new Date().toISOString()
    );
  }

  /** Documents of every kind the account has numbered: what its subscription counts. */
  countDocuments() {
    return this.one<{ n: number }>("SELECT COUNT(*) AS n FROM documents")!.n;
  }

  countEvents() {
    return this.one<{ n: number }>("SELECT COUNT(*) AS n FROM radian_events")!.n;
  }
}
