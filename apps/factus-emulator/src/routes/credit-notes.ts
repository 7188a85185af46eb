import { FactusCreditNoteRequest, FactusSendEmailRequest } from "@factus-edge/contracts";
import { Hono } from "hono";
import type { EmulatorEnv } from "../context";
import { qrDataUri } from "../documents/qr-png";
import { documentParam, done, filters, ok, pageOf, pagination, validJson } from "../http";
import type { Account } from "../services/account";
import { validateCreditNote } from "../services/credit-notes";
import { PAGE_SIZE } from "../store/store";
import { creditNoteSummaryView, creditNoteView, readCreditNote } from "../views/credit-note-view";
import { printable } from "../views/printable-view";
import { answerIssue, deleteByReference, emailContentData, pdfData, xmlData } from "./documents";

export function creditNoteRoutes(account: Account) {
  const { store } = account;
  const app = new Hono<EmulatorEnv>();
  const note = documentParam((number) => {
    const row = store.documentByNumber("credit_note", number);
    return row ? readCreditNote(account, row) : undefined;
  }, "la nota crédito");

  app.post("/validate", validJson(FactusCreditNoteRequest), async (c) => {
    const outcome = await validateCreditNote(account, c.req.valid("json"), c.get("documentFaults"));
    return answerIssue(c, "credit_note", outcome, async (row) =>
      creditNoteView(readCreditNote(account, row), await qrDataUri(row.cufe), account.company),
    );
  });

  app.get("/", (c) => {
    const page = pageOf(c);
    const query = filters(c, ["identification", "names", "number", "prefix", "reference_code", "status"]);
    const { rows, total } = store.documents("credit_note", query, page);
    const data = rows.map((row) => creditNoteSummaryView(readCreditNote(account, row)));
    return ok(c, {
      data,
      pagination: pagination(
        account.config.publicBaseUrl,
        "/v1/credit-notes",
        page,
        PAGE_SIZE,
        total,
        "include",
      ),
    });
  });

  const printed = (stored: ReturnType<typeof readCreditNote>) =>
    printable("credit_note", stored, account.company, stored.bill?.number);
  app.get("/download-pdf/:number", note, (c) => ok(c, pdfData(printed(c.var.document))));

  app.get("/download-xml/:number", note, (c) => ok(c, xmlData(printed(c.var.document))));

  app.delete("/reference/:reference", deleteByReference(store, "credit_note"));

  app.post("/send-email/:number", note, validJson(FactusSendEmailRequest), (c) => {
    store.recordEmail(c.var.document.row.id, c.req.valid("json").email, account.now());
    return done(c, "Nota crédito enviada al cliente con éxito");
  });

  app.get("/:number/email-content", note, (c) =>
    ok(c, emailContentData(printed(c.var.document), account.settings.emailContentAttachment)),
  );

  app.get("/:number", note, async (c) =>
    ok(c, creditNoteView(c.var.document, await qrDataUri(c.var.document.row.cufe), account.company)),
  );

  return app;
}
