import {
  FactusV2AcquirerQuery,
  FactusV2AdjustmentNoteRequest,
  FactusV2BillRequest,
  FactusV2CreditNoteRequest,
  FactusV2DebitNoteRequest,
  FactusV2RadianEventRequest,
  FactusV2SendEmailRequest,
  FactusV2SupportDocumentRequest,
  V2_IDENTITY_DOCUMENTS,
  V2_RADIAN_EVENTS,
} from "@factus-edge/contracts/factus-v2";
import { type Context, Hono } from "hono";
import type { EmulatorEnv } from "../context";
import { attachedDocumentXml, type PrintableDocument } from "../documents/printable";
import { documentParam, done, filters, ok, pageOf, pagination, validationError, validJson } from "../http";
import { acquirer } from "../routes/catalogs";
import { answerIssue, deleteByReference, emailContentData, pdfData, xmlData } from "../routes/documents";
import { numberingRangeRoutes } from "../routes/numbering-ranges";
import { subscriptionRoutes } from "../routes/subscriptions";
import type { Account } from "../services/account";
import { radianEvents } from "../services/radian";
import { emitIssuerEvent } from "../services/tacit-acceptance";
import type { DocumentRow } from "../store/rows";
import type { DocumentFilters } from "../store/store";
import { PAGE_SIZE } from "../store/store";
import { companyProfile } from "../views/company-view";
import {
  validateV2AdjustmentNote,
  validateV2Bill,
  validateV2Note,
  validateV2SupportDocument,
} from "./services";
import {
  readV2,
  readV2Support,
  type StoredV2,
  type StoredV2Support,
  v2AdjustmentNoteView,
  v2BillView,
  v2DocumentRow,
  v2NoteView,
  v2Printable,
  v2SupportDocumentView,
  v2SupportRow,
} from "./views";

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

/** What differs between `/v2/bills`, `/v2/credit-notes`, `/v2/debit-notes`, `/v2/support-documents`… */
interface V2DocumentKind {
  kind: DocumentRow["kind"];
  path: string;
  noun: string;
  /** Delete by reference: bills keep v1's `destroy/` segment, the others do not. */
  deletePath: string;
  /**
   * The answer to send-email, for the kinds sent to a buyer. Support documents and their notes have none (the
   * company is the buyer): no send-email, email-content or AttachedDocument routes.
   */
  sent?: string;
}

const KINDS = {
  bill: {
    kind: "bill",
    path: "/v2/bills",
    noun: "la factura",
    deletePath: "/destroy/reference/:reference",
    sent: "Factura enviada al cliente con éxito",
  },
  credit_note: {
    kind: "credit_note",
    path: "/v2/credit-notes",
    noun: "la nota crédito",
    deletePath: "/reference/:reference",
    sent: "Nota crédito enviada al cliente con éxito",
  },
  debit_note: {
    kind: "debit_note",
    path: "/v2/debit-notes",
    noun: "la nota débito",
    deletePath: "/reference/:reference",
    sent: "Nota débito enviada al cliente con éxito",
  },
  support_document: {
    kind: "support_document",
    path: "/v2/support-documents",
    noun: "el documento soporte",
    deletePath: "/reference/:reference",
  },
  adjustment_note: {
    kind: "adjustment_note",
    path: "/v2/adjustment-notes",
    noun: "la nota de ajuste",
    // Published as /v1/adjustment-notes/reference/{reference_code} on the v2 page; factus-js calls /v2/….
    deletePath: "/reference/:reference",
  },
} as const satisfies Record<string, V2DocumentKind>;

/** How a kind's stored documents are read and answered: the show (and create) answer, a list row, the printout. */
interface V2Shapes<S extends { row: DocumentRow }> {
  read: (row: DocumentRow) => S;
  view: (stored: S) => unknown;
  row: (stored: S) => unknown;
  printed: (stored: S) => PrintableDocument;
}

/**
 * The routes every v2 document has: list, show, PDF, XML, delete by reference; for the kinds sent to a buyer, DIAN's
 * AttachedDocument, send e-mail and its content.
 */
function v2DocumentRoutes<S extends { row: DocumentRow }>(
  account: Account,
  kind: V2DocumentKind,
  shapes: V2Shapes<S>,
) {
  const { store } = account;
  const app = new Hono<EmulatorEnv>();
  const document = documentParam((number) => {
    const row = store.documentByNumber(kind.kind, number);
    return row ? shapes.read(row) : undefined;
  }, kind.noun);

  app.get("/", (c) => {
    const query = v2ListQuery(c);
    if ("errors" in query) return validationError(c, query.errors);
    const { rows, total } = store.documents(kind.kind, query.filters, query.page, query.perPage);
    return ok(c, {
      data: rows.map((row) => shapes.row(shapes.read(row))),
      pagination: pagination(
        account.config.publicBaseUrl,
        kind.path,
        query.page,
        query.perPage,
        total,
        "next-only",
      ),
    });
  });

  app.get("/:number", document, (c) => ok(c, shapes.view(c.var.document)));
  app.get("/:number/download-pdf", document, (c) => ok(c, pdfData(shapes.printed(c.var.document))));
  app.get("/:number/download-xml", document, (c) => ok(c, xmlData(shapes.printed(c.var.document))));
  app.delete(kind.deletePath, deleteByReference(store, kind.kind));

  const { sent } = kind;
  if (sent) {
    app.get("/:number/download-attached-document-xml", document, (c) =>
      ok(c, xmlData(shapes.printed(c.var.document), attachedDocumentXml)),
    );
    app.post("/:number/send-email", document, validJson(FactusV2SendEmailRequest), (c) => {
      const { row } = c.var.document;
      if (row.status !== 1)
        return validationError(c, {
          number: [`${kind.noun.replace(/^l/, "L")} no ha sido validada por la DIAN`],
        });
      store.recordEmail(row.id, c.req.valid("json").email, account.now());
      return done(c, sent);
    });
    app.get("/:number/email-content", document, (c) =>
      ok(c, emailContentData(shapes.printed(c.var.document), account.settings.emailContentAttachment)),
    );
  }

  return { app, document };
}

/** The shapes of bills and credit and debit notes: a customer, `v2DocumentRow`, the bill a note corrects. */
function customerShapes(account: Account, kind: DocumentRow["kind"], view: (stored: StoredV2) => unknown) {
  const context = () => ({ company: account.company, settings: account.settings });
  return {
    read: readV2,
    view,
    row: (stored: StoredV2) => v2DocumentRow(stored, context()),
    printed: (stored: StoredV2) => {
      const bill = stored.row.bill_id ? account.store.documentById(stored.row.bill_id) : undefined;
      return v2Printable(kind, stored, account.company, bill?.number);
    },
  } satisfies V2Shapes<StoredV2>;
}

/** `/v2/bills`. */
export function v2BillRoutes(account: Account) {
  const { store } = account;
  const context = () => ({ company: account.company, settings: account.settings });
  const noteRefs = (kind: DocumentRow["kind"], billId: number) =>
    store.notesOf(kind, billId).map((note) => ({ number: note.number, reference_code: note.reference_code }));
  const view = (stored: StoredV2) =>
    v2BillView(
      stored,
      store.range(stored.row.range_id),
      {
        credit_notes: noteRefs("credit_note", stored.row.id),
        debit_notes: noteRefs("debit_note", stored.row.id),
      },
      context(),
    );
  const app = new Hono<EmulatorEnv>();

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

  const { app: shared, document: bill } = v2DocumentRoutes(
    account,
    KINDS.bill,
    customerShapes(account, "bill", view),
  );

  app.get("/:number/radian/events", bill, (c) => ok(c, radianEvents(account, c.var.document.row)));

  // Tacit acceptance (034), as facturas/aceptacion-tacita routes it (the reception page says
  // PATCH /v2/receptions/bills/{bill_id}/…: FJSF #8), with DIAN's conditions (services/tacit-acceptance.ts).
  // Answers the bill's events.
  app.post("/:number/radian/events/:event_type", bill, validJson(FactusV2RadianEventRequest), async (c) => {
    const code = c.req.param("event_type") ?? "";
    if (!V2_RADIAN_EVENTS.some((event) => event.code === code))
      return validationError(c, { event_type: ["Tipo de evento inválido"] });
    const emitted = await emitIssuerEvent(account, c.var.document.row, code);
    if ("refused" in emitted) return validationError(c, { event_type: [emitted.refused] });
    return ok(c, emitted.events, "Evento registrado con éxito");
  });

  app.route("/", shared);
  return app;
}

/** `/v2/credit-notes` and `/v2/debit-notes`: a note, its bill by number. */
export function v2NoteRoutes(account: Account, kind: "credit_note" | "debit_note") {
  const { store } = account;
  const context = () => ({ company: account.company, settings: account.settings });
  const view = (stored: StoredV2) => {
    const bill = stored.row.bill_id ? store.documentById(stored.row.bill_id) : undefined;
    return v2NoteView(
      stored,
      store.range(stored.row.range_id),
      bill && { number: bill.number, reference_code: bill.reference_code },
      context(),
    );
  };
  const app = new Hono<EmulatorEnv>();
  const schema = kind === "credit_note" ? FactusV2CreditNoteRequest : FactusV2DebitNoteRequest;

  app.post("/validate", validJson(schema), async (c) => {
    const outcome = await validateV2Note(account, kind, c.req.valid("json"), c.get("documentFaults"));
    return answerIssue(
      c,
      kind,
      outcome,
      async (row) => view(readV2(row)),
      account.settings.v2RejectedCreate === "201",
    );
  });

  app.route("/", v2DocumentRoutes(account, KINDS[kind], customerShapes(account, kind, view)).app);
  return app;
}

/**
 * `/v2/support-documents` and `/v2/adjustment-notes`: the company buys from a provider; an adjustment note names its
 * support document by number. No e-mail routes.
 */
export function v2SupportRoutes(account: Account, kind: "support_document" | "adjustment_note") {
  const { store } = account;
  const context = () => ({ company: account.company, settings: account.settings });
  const view = (stored: StoredV2Support) =>
    kind === "support_document"
      ? v2SupportDocumentView(stored, context())
      : v2AdjustmentNoteView(
          stored,
          stored.row.bill_id ? store.documentById(stored.row.bill_id) : undefined,
          context(),
        );
  const app = new Hono<EmulatorEnv>();

  app.post(
    "/validate",
    validJson(kind === "support_document" ? FactusV2SupportDocumentRequest : FactusV2AdjustmentNoteRequest),
    async (c) => {
      const request = c.req.valid("json");
      const faults = c.get("documentFaults");
      const outcome =
        "support_document_number" in request
          ? await validateV2AdjustmentNote(account, request, faults)
          : await validateV2SupportDocument(account, request, faults);
      return answerIssue(
        c,
        kind,
        outcome,
        async (row) => view(readV2Support(row)),
        account.settings.v2RejectedCreate === "201",
      );
    },
  );

  const shapes: V2Shapes<StoredV2Support> = {
    read: readV2Support,
    view,
    row: (stored) => v2SupportRow(stored, context()),
    printed: (stored) => {
      const corrected = stored.row.bill_id ? store.documentById(stored.row.bill_id) : undefined;
      return v2Printable(kind, stored, account.company, corrected?.number);
    },
  };
  app.route("/", v2DocumentRoutes(account, KINDS[kind], shapes).app);
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
