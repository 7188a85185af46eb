import { FactusBillRequest, FactusSendEmailRequest, RADIAN_EVENTS } from "@factus-edge/contracts";
import { Hono } from "hono";
import type { EmulatorVariables } from "../app";
import { documentXml } from "../documents/printable";
import { base64, qrDataUri } from "../documents/qr-png";
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
import { validateBill } from "../services/bills";
import { printable } from "../services/printables";
import { PAGE_SIZE } from "../store/store";
import { billSummaryView, billView, readBill } from "../views/bill-view";
import { answerIssue, deleteByReference, pdfData, xmlData } from "./documents";

export function billRoutes(account: Account) {
  const { store } = account;
  const app = new Hono<{ Variables: EmulatorVariables }>();

  const loadBill = (number: string) => {
    const row = store.documentByNumber("bill", number);
    return row ? readBill(row, store.range(row.range_id)!) : undefined;
  };
  const creditNotesOf = (billId: number) =>
    store.creditNotesOf(billId).map((note) => ({ id: note.id, number: note.number }));
  const missing = (c: Parameters<typeof notFound>[0], number: string) =>
    notFound(c, `No se encontró la factura ${number}`);

  app.post("/validate", async (c) => {
    const body = await jsonBody(c);
    if (body === undefined) return c.json({ message: "El cuerpo debe ser JSON válido" }, 400);
    const parsed = FactusBillRequest.safeParse(body);
    if (!parsed.success) return validationError(c, fieldErrors(parsed.error));
    const outcome = await validateBill(account, parsed.data, c.get("documentFaults").verdict);
    return answerIssue(c, "bill", outcome, async (row) =>
      billView(readBill(row, store.range(row.range_id)!), await qrDataUri(row.cufe), creditNotesOf(row.id)),
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

  app.get("/show/:number", async (c) => {
    const bill = loadBill(c.req.param("number"));
    if (!bill) return missing(c, c.req.param("number"));
    return ok(c, billView(bill, await qrDataUri(bill.row.cufe), creditNotesOf(bill.row.id)));
  });

  app.get("/download-pdf/:number", (c) => {
    const bill = loadBill(c.req.param("number"));
    if (!bill) return missing(c, c.req.param("number"));
    return ok(c, pdfData(printable("bill", bill)));
  });

  app.get("/download-xml/:number", (c) => {
    const bill = loadBill(c.req.param("number"));
    if (!bill) return missing(c, c.req.param("number"));
    return ok(c, xmlData(printable("bill", bill)));
  });

  app.delete("/destroy/reference/:reference", deleteByReference(store, "bill"));

  app.post("/send-email/:number", async (c) => {
    const bill = loadBill(c.req.param("number"));
    if (!bill) return missing(c, c.req.param("number"));
    const parsed = FactusSendEmailRequest.safeParse(await jsonBody(c));
    if (!parsed.success) return validationError(c, fieldErrors(parsed.error));
    if (bill.row.status !== 1)
      return validationError(c, { number: ["La factura no ha sido validada por la DIAN"] });
    store.recordEmail(bill.row.id, parsed.data.email, account.now());
    return done(c, "Factura enviada al cliente con éxito");
  });

  app.get("/:number/email-content", (c) => {
    const bill = loadBill(c.req.param("number"));
    if (!bill) return missing(c, c.req.param("number"));
    const document = printable("bill", bill);
    const { company } = document;
    return ok(c, {
      subject: `${company.nit};${company.company};${bill.row.number};01;${company.company}`,
      attached_document: base64(new TextEncoder().encode(documentXml(document))),
    });
  });

  app.get("/:number/radian/events", (c) => {
    const bill = loadBill(c.req.param("number"));
    if (!bill) return missing(c, c.req.param("number"));
    const events = store.eventsOf(bill.row.id).map((event) => ({
      number: event.number,
      cude: event.cude,
      event_code: event.event_code,
      event_name: RADIAN_EVENTS.find((entry) => entry.code === event.event_code)?.name ?? event.event_code,
      effective_date: event.effective_at.slice(0, 10),
      effective_time: event.effective_at.slice(11, 19),
    }));
    return ok(c, events);
  });

  return app;
}
