import {
  SupportDocumentDetail,
  SupportDocumentList,
  SupportDocumentListQuery,
} from "@factus-edge/contracts/schemas/support-documents";
import { supportDocumentFlow } from "../../documents/kinds/support-document";
import { documentKindRouter } from "../kinds/router";
import { createSupportDocument, createSupportDocumentRoute } from "./create";

export const supportDocumentsRouter = documentKindRouter(supportDocumentFlow, {
  create: { route: createSupportDocumentRoute, handler: createSupportDocument },
  list: SupportDocumentList,
  query: SupportDocumentListQuery,
  detail: SupportDocumentDetail,
  detailDescription:
    "Detalle de un documento soporte: la empresa (compradora), el proveedor, totales, retenciones, CUDS, estado ante " +
    "la DIAN, las notas de ajuste que lo corrigen e ítems.",
});
