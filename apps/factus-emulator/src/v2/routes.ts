import {
  FactusV2AcquirerQuery,
  FactusV2BillRequest,
  V2_IDENTITY_DOCUMENTS,
} from "@factus-edge/contracts/factus-v2";
import { type Context, Hono } from "hono";
import type { EmulatorEnv } from "../context";
import { documentParam, filters, ok, pageOf, pagination, validationError, validJson } from "../http";
import { acquirer } from "../routes/catalogs";
import { answerIssue, deleteByReference, pdfData, xmlData } from "../routes/documents";
import { numberingRangeRoutes } from "../routes/numbering-ranges";
import { subscriptionRoutes } from "../routes/subscriptions";
import type { Account } from "../services/account";
import type { DocumentRow } from "../store/rows";
import type { DocumentFilters } from "../store/store";
import { PAGE_SIZE } from "../store/store";
import { companyProfile } from "../views/company-view";
import { validateV2Bill } from "./services";
import { readV2, type StoredV2, v2BillRow, v2BillView, v2Printable } from "./views";

// Factus v2's routes over the account's one store: a v2 document is a stored document seen through v2's shapes.

/** The largest page a v2 list serves (the docs give no maximum). */
const MAX_PER_PAGE = 100;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A v2 list's query: `filter[...]` as in v1, plus the page size, as `filter[per_page]` (the docs) or bare
 * `per_page` (factus-js), and `filter[created_at][start_date|end_date]`. Field errors when one is malformed.
 */
export function v2ListQuery(
  c: Context,
): { page: number; perPage: number; filters: DocumentFilters } | { errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const perPageText = c.req.query("filter[per_page]") ?? c.req.query("per_page");
  const perPage = perPageText === undefined ? PAGE_SIZE : Number(perPageText);
  if (!/^\d+$/.test(perPageText ?? "10") || perPage < 1 || perPage > MAX_PER_PAGE)
    errors.per_page = [`Debe ser un número entero entre 1 y ${MAX_PER_PAGE}`];
  const dates = {
    created_from: c.req.query("filter[created_at][start_date]"),
    created_to: c.req.query("filter[created_at][end_date]"),
  };
  for (const [key, value] of Object.entries(dates)) {
    if (value !== undefined && !ISO_DATE.test(value))
      errors[`created_at.${key === "created_from" ? "start_date" : "end_date"}`] = [
        "Debe ser una fecha YYYY-MM-DD",
      ];
  }
  if (Object.keys(errors).length) return { errors };
  return {
    page: pageOf(c),
    perPage,
    filters: {
      ...filters(c, ["identification", "names", "number", "prefix", "reference_code", "status"]),
      ...dates,
    },
  };
}

/** `/v2/bills`. */
export function v2BillRoutes(account: Account) {
  const { store } = account;
  const app = new Hono<EmulatorEnv>();
  const context = () => ({ company: account.company, settings: account.settings });
  const noteRefs = (kind: DocumentRow["kind"], billId: number) =>
    store.notesOf(kind, billId).map((note) => ({ number: note.number, reference_code: note.reference_code }));
  const view = (stored: StoredV2) =>
    v2BillView(
      stored,
      store.range(stored.row.range_id),
      { credit_notes: noteRefs("credit_note", stored.row.id), debit_notes: [] },
      context(),
    );
  const bill = documentParam((number) => {
    const row = store.documentByNumber("bill", number);
    return row ? readV2(row) : undefined;
  }, "la factura");

  app.post("/validate", validJson(FactusV2BillRequest), async (c) => {
    const outcome = await validateV2Bill(account, c.req.valid("json"), c.get("documentFaults"));
    return answerIssue(
      c,
      "bill",
      outcome,
      async (row) => view(readV2(row)),
      account.settings.v2RejectedCreate === "201",
    );
  });

  app.get("/", (c) => {
    const query = v2ListQuery(c);
    if ("errors" in query) return validationError(c, query.errors);
    const { rows, total } = store.documents("bill", query.filters, query.page, query.perPage);
    return ok(c, {
      data: rows.map((row) => v2BillRow(readV2(row), context())),
      pagination: pagination(
        account.config.publicBaseUrl,
        "/v2/bills",
        query.page,
        query.perPage,
        total,
        "next-only",
      ),
    });
  });

  app.get("/:number", bill, (c) => ok(c, view(c.var.document)));

  const printed = (stored: StoredV2) => v2Printable("bill", stored, account.company);
  app.get("/:number/download-pdf", bill, (c) => ok(c, pdfData(printed(c.var.document))));
  app.get("/:number/download-xml", bill, (c) => ok(c, xmlData(printed(c.var.document))));

  app.delete("/destroy/reference/:reference", deleteByReference(store, "bill"));

  return app;
}

/** The account-level v2 routes: company, acquirer lookup, subscriptions, numbering ranges. */
export function v2AccountRoutes(account: Account) {
  const app = new Hono<EmulatorEnv>();

  app.get("/companies", (c) => ok(c, companyProfile(account.company)));

  app.get("/dian/acquirer", (c) => {
    const query = FactusV2AcquirerQuery.safeParse({
      identification_document_code: c.req.query("identification_document_code"),
      identification_number: c.req.query("identification_number"),
    });
    if (!query.success) {
      const fields = new Set(query.error.issues.map((issue) => String(issue.path[0])));
      return validationError(c, {
        ...(fields.has("identification_document_code")
          ? { identification_document_code: ["Tipo de documento inválido"] }
          : {}),
        ...(fields.has("identification_number")
          ? { identification_number: ["Número de identificación inválido"] }
          : {}),
      });
    }
    const { identification_document_code: code, identification_number: number } = query.data;
    const document = V2_IDENTITY_DOCUMENTS.find((entry) => entry.code === code)!;
    return ok(c, acquirer(document.name, number));
  });

  app.route("/subscriptions", subscriptionRoutes(account, "v2"));
  app.route("/numbering-ranges", numberingRangeRoutes(account, "v2"));
  return app;
}
