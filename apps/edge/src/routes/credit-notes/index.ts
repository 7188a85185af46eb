import { createRouter } from "../../platform/router";
import { createCreditNote, createCreditNoteRoute } from "./create";
import { deleteCreditNote } from "./delete";
import { getCreditNote, getCreditNoteRoute } from "./get";
import { listCreditNotes, listCreditNotesRoute } from "./list";
import { creditNotePdf, creditNotePdfRoute } from "./pdf";
import { retryCreditNote } from "./retry";
import { sendCreditNoteEmail, sendCreditNoteEmailRoute } from "./send-email";
import { creditNoteXml, creditNoteXmlRoute } from "./xml";

export const creditNotesRouter = createRouter()
  .openapi(createCreditNoteRoute, createCreditNote)
  .openapi(listCreditNotesRoute, listCreditNotes)
  .openapi(deleteCreditNote.route, deleteCreditNote.handler)
  .openapi(retryCreditNote.route, retryCreditNote.handler)
  .openapi(creditNotePdfRoute, creditNotePdf)
  .openapi(creditNoteXmlRoute, creditNoteXml)
  .openapi(sendCreditNoteEmailRoute, sendCreditNoteEmail)
  .openapi(getCreditNoteRoute, getCreditNote);
