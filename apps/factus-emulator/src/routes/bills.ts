import { FactusBillRequest, FactusRadianEventRequest, FactusSendEmailRequest } from "@factus-edge/contracts";
import { Hono } from "hono";
import type { EmulatorEnv } from "../context";
import { qrDataUri } from "../documents/qr-png";
import { documentParam, done, filters, ok, pageOf, pagination, validationError, validJson } from "../http";
import type { Account } from "../services/account";
import { validateBill } from "../services/bills";
import { radianEvents } from "../services/radian";
import { emitIssuerEvent } from "../services/tacit-acceptance";
import { PAGE_SIZE } from "../store/store";
import { billSummaryView, billView, readBill } from "../views/bill-view";
import { printable } from "../views/printable-view";
import { answerIssue, deleteByReference, emailContentData, pdfData, xmlData } from "./documents";

export function billRoutes(account: Account) {
  const { store } = account;
  const app = new Hono<EmulatorEnv>();

  const creditNotesOf = (billId: number) =>
    store.notesOf("credit_note", billId).map((note) => ({ id: note.id, number: note.number }));
  const bill = documentParam((number) => {
    const row = store.documentByNumber("bill", number);
    return row ? readBill(row, store.range(row.range_id)!) : undefined;
  }, "la factura");

  app.post("/validate", validJson(FactusBillRequest), async (c) => {
    const outcome = await validateBill(account, c.req.valid("json"), c.get("documentFaults"));
    return answerIssue(c, "bill", outcome, async (row) =>
      billView(
        readBill(row, store.range(row.range_id)!),
        await qrDataUri(row.cufe),
        creditNotesOf(row.id),
        account.company,
      ),
    );
  });

  app.get("/", (c) => {
    const page = pageOf(c);
    const query = filters(c, ["identification", "names", "number", "prefix", "reference_code", "status"]);
    const { rows, total } = store.documents("bill", query, page);
    const data = rows.map((row) =>
      billSummaryView(readBill(row, store.range(row.range_id)!), creditNotesOf(row.id)),
    );
    return ok(c, {
      data,
      pagination: pagination(account.config.publicBaseUrl, "/v1/bills", page, PAGE_SIZE, total),
    });
  });

  app.get("/show/:number", bill, async (c) => {
    const { document } = c.var;
    return ok(
      c,
      billView(document, await qrDataUri(document.row.cufe), creditNotesOf(document.row.id), account.company),
    );
  });

  app.get("/download-pdf/:number", bill, (c) =>
    ok(c, pdfData(printable("bill", c.var.document, account.company))),
  );

  app.get("/download-xml/:number", bill, (c) =>
    ok(c, xmlData(printable("bill", c.var.document, account.company))),
  );

  app.delete("/destroy/reference/:reference", deleteByReference(store, "bill"));

  app.post("/send-email/:number", bill, validJson(FactusSendEmailRequest), (c) => {
    const { row } = c.var.document;
    if (row.status !== 1)
      return validationError(c, { number: ["La factura no ha sido validada por la DIAN"] });
    store.recordEmail(row.id, c.req.valid("json").email, account.now());
    return done(c, "Factura enviada al cliente con éxito");
  });

  app.get("/:number/email-content", bill, (c) =>
    ok(
      c,
      emailContentData(
        printable("bill", c.var.document, account.company),
        account.settings.emailContentAttachment,
      ),
    ),
  );

  app.get("/:number/radian/events", bill, (c) => ok(c, radianEvents(account, c.var.document.row)));

  // Tacit acceptance (034), as facturas/aceptacion-tacita routes it on v1; answers the bill's events.
  app.post("/radian/events/update/:number/:event", bill, validJson(FactusRadianEventRequest), async (c) => {
    const emitted = await emitIssuerEvent(account, c.var.document.row, c.req.param("event") ?? "");
    if ("refused" in emitted) return validationError(c, { event: [emitted.refused] });
    return ok(c, emitted.events, "Evento registrado con éxito");
  });

  return app;
}
