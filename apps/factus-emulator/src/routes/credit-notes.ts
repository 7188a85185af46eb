import { FactusCreditNoteRequest, FactusSendEmailRequest } from "@factus-edge/contracts";
import { Hono } from "hono";
import type { EmulatorVariables } from "../app";
import { qrDataUri } from "../documents/qr-png";
import {
  done,
  fieldErrors,
  filters,
  jsonBody,
  notFound,
  ok,
  pageOf,
  pagination,
  validationError,
} from "../http";
import type { Account } from "../services/account";
import {
  creditNoteSummaryView,
  creditNoteView,
  readCreditNote,
  validateCreditNote,
} from "../services/credit-notes";
import { printable } from "../services/printables";
import { PAGE_SIZE } from "../store/store";
import { answerIssue, deleteByReference, pdfData, xmlData } from "./documents";

export function creditNoteRoutes(account: Account) {
  const { store } = account;
  const app = new Hono<{ Variables: EmulatorVariables }>();
  const load = (number: string) => {
    const row = store.documentByNumber("credit_note", number);
    return row ? readCreditNote(account, row) : undefined;
  };
  const missing = (c: Parameters<typeof notFound>[0]) =>
    notFound(c, `No se encontró la nota crédito ${c.req.param("number")}`);

  app.post("/validate", async (c) => {
    const body = await jsonBody(c);
    if (body === undefined) return c.json({ message: "El cuerpo debe ser JSON válido" }, 400);
    const parsed = FactusCreditNoteRequest.safeParse(body);
    if (!parsed.success) return validationError(c, fieldErrors(parsed.error));
    const outcome = await validateCreditNote(account, parsed.data, c.get("documentFaults").verdict);
    return answerIssue(c, "credit_note", outcome, async (row) => {
      const note = readCreditNote(account, row);
      return creditNoteView(note, await qrDataUri(row.cufe));
    });
  });

  app.get("/", (c) => {
    const page = pageOf(c);
    const query = filters(c, ["identification", "names", "number", "prefix", "reference_code", "status"]);
    const { rows, total } = store.documents("credit_note", query, page);
    const data = rows.map((row) => creditNoteSummaryView(readCreditNote(account, row)));
    return ok(c, {
      data,
      pagination: pagination(account.config.publicBaseUrl, "/v1/credit-notes", page, PAGE_SIZE, total),
    });
  });

  app.get("/download-pdf/:number", (c) => {
    const note = load(c.req.param("number"));
    if (!note) return missing(c);
    return ok(c, pdfData(printable("credit_note", note, note.bill?.number)));
  });

  app.get("/download-xml/:number", (c) => {
    const note = load(c.req.param("number"));
    if (!note) return missing(c);
    return ok(c, xmlData(printable("credit_note", note, note.bill?.number)));
  });

  app.delete("/reference/:reference", deleteByReference(store, "credit_note"));

  app.post("/send-email/:number", async (c) => {
    const note = load(c.req.param("number"));
    if (!note) return missing(c);
    const parsed = FactusSendEmailRequest.safeParse(await jsonBody(c));
    if (!parsed.success) return validationError(c, fieldErrors(parsed.error));
    store.recordEmail(note.row.id, parsed.data.email, account.now());
    return done(c, "Nota crédito enviada al cliente con éxito");
  });

  app.get("/:number", async (c) => {
    const note = load(c.req.param("number"));
    if (!note) return missing(c);
    return ok(c, creditNoteView(note, await qrDataUri(note.row.cufe)));
  });

  return app;
}
