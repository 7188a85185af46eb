import { FactusAdjustmentNoteRequest, FactusSupportDocumentRequest } from "@factus-edge/contracts";
import { Hono } from "hono";
import type { EmulatorEnv } from "../context";
import { qrDataUri } from "../documents/qr-png";
import { documentParam, filters, ok, pageOf, pagination, validJson } from "../http";
import type { Account } from "../services/account";
import { validateAdjustmentNote, validateSupportDocument } from "../services/support-documents";
import type { DocumentRow } from "../store/rows";
import { PAGE_SIZE } from "../store/store";
import {
  adjustmentNoteView,
  readSupport,
  type StoredSupport,
  supportDocumentView,
  supportPrintable,
  supportSummaryView,
} from "../views/support-document-view";
import { answerIssue, deleteByReference, pdfData, xmlData } from "./documents";

// `/v1/support-documents` and `/v1/adjustment-notes`. Where the v1 docs are silent the paths are the credit notes'
// (`POST /validate`, `GET /`, `GET /{number}`, `GET /download-pdf|download-xml/{number}`,
// `DELETE /reference/{reference_code}`). No e-mail routes: the company is the buyer, nobody is sent the document.

const KINDS = {
  support_document: { path: "/v1/support-documents", noun: "el documento soporte" },
  adjustment_note: { path: "/v1/adjustment-notes", noun: "la nota de ajuste" },
} as const;

/** The routes both kinds share: list, show, PDF, XML, delete by reference. */
function supportKindRoutes(
  account: Account,
  kind: keyof typeof KINDS,
  view: (stored: StoredSupport, qrImage: string, show: boolean) => unknown,
  row: (stored: StoredSupport) => unknown,
) {
  const { store } = account;
  const app = new Hono<EmulatorEnv>();
  const document = documentParam((number) => {
    const found = store.documentByNumber(kind, number);
    return found ? readSupport(account, found) : undefined;
  }, KINDS[kind].noun);

  app.get("/", (c) => {
    const page = pageOf(c);
    const query = filters(c, ["identification", "names", "number", "prefix", "reference_code", "status"]);
    const { rows, total } = store.documents(kind, query, page);
    return ok(c, {
      data: rows.map((found) => row(readSupport(account, found))),
      pagination: pagination(
        account.config.publicBaseUrl,
        KINDS[kind].path,
        page,
        PAGE_SIZE,
        total,
        "include",
      ),
    });
  });
  app.get("/download-pdf/:number", document, (c) =>
    ok(c, pdfData(supportPrintable(c.var.document, account.company))),
  );
  app.get("/download-xml/:number", document, (c) =>
    ok(c, xmlData(supportPrintable(c.var.document, account.company))),
  );
  app.delete("/reference/:reference", deleteByReference(store, kind));
  app.get("/:number", document, async (c) =>
    ok(c, view(c.var.document, await qrDataUri(c.var.document.row.cufe), true)),
  );
  return app;
}

/** `/v1/support-documents`: a support document lists the adjustment notes that correct it. */
export function supportDocumentRoutes(account: Account) {
  const { store } = account;
  const notesOf = (row: DocumentRow) =>
    store.notesOf("adjustment_note", row.id).map((note) => ({ id: note.id, number: note.number }));
  const view = (stored: StoredSupport, qrImage: string, show: boolean) =>
    supportDocumentView(stored, qrImage, notesOf(stored.row), account.company, show);
  const app = new Hono<EmulatorEnv>();

  app.post("/validate", validJson(FactusSupportDocumentRequest), async (c) => {
    const outcome = await validateSupportDocument(account, c.req.valid("json"), c.get("documentFaults"));
    return answerIssue(c, "support_document", outcome, async (row) =>
      view(readSupport(account, row), await qrDataUri(row.cufe), false),
    );
  });
  app.route(
    "/",
    supportKindRoutes(account, "support_document", view, (stored) =>
      supportSummaryView(stored, notesOf(stored.row)),
    ),
  );
  return app;
}

/** `/v1/adjustment-notes`: a note on a validated support document, named by its id. */
export function adjustmentNoteRoutes(account: Account) {
  const view = (stored: StoredSupport, qrImage: string, show: boolean) =>
    adjustmentNoteView(stored, qrImage, account.company, show);
  const app = new Hono<EmulatorEnv>();

  app.post("/validate", validJson(FactusAdjustmentNoteRequest), async (c) => {
    const outcome = await validateAdjustmentNote(account, c.req.valid("json"), c.get("documentFaults"));
    return answerIssue(c, "adjustment_note", outcome, async (row) =>
      view(readSupport(account, row), await qrDataUri(row.cufe), false),
    );
  });
  app.route(
    "/",
    supportKindRoutes(account, "adjustment_note", view, (stored) => supportSummaryView(stored)),
  );
  return app;
}
