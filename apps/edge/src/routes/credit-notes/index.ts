import { createRouter } from "../../platform/router";
import { emailContentRoute } from "../document-files";
import { createCreditNote, createCreditNoteRoute } from "./create";
import { deleteCreditNote } from "./delete";
import { getCreditNote, getCreditNoteRoute } from "./get";
import { listCreditNotes, listCreditNotesRoute } from "./list";
import { creditNotePdf, creditNotePdfRoute } from "./pdf";
import { retryCreditNote } from "./retry";
import { sendCreditNoteEmail, sendCreditNoteEmailRoute } from "./send-email";
import { creditNoteXml, creditNoteXmlRoute } from "./xml";

const emailContent = emailContentRoute("credit-note", {
  operationId: "getCreditNoteEmailContent",
  tags: ["Notas crédito"],
  noun: "una nota crédito",
});

export const creditNotesRouter = createRouter()
  .openapi(createCreditNoteRoute, createCreditNote)
  .openapi(listCreditNotesRoute, listCreditNotes)
  .openapi(deleteCreditNote.route, deleteCreditNote.handler)
  .openapi(retryCreditNote.route, retryCreditNote.handler)
  .openapi(creditNotePdfRoute, creditNotePdf)
  .openapi(creditNoteXmlRoute, creditNoteXml)
  .openapi(sendCreditNoteEmailRoute, sendCreditNoteEmail)
  .openapi(emailContent.route, emailContent.handler)
  .openapi(getCreditNoteRoute, getCreditNote);
