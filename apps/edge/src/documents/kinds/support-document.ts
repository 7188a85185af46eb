import type { FactusSupportDocumentRequestInput } from "@factus-edge/contracts/factus/support-documents";
import type { FactusV2SupportDocumentRequest } from "@factus-edge/contracts/factus-v2/support-documents";
import { CreatedSupportDocument } from "@factus-edge/contracts/schemas/support-documents";
import type * as z from "zod";
import {
  getSupportDocument,
  type SupportView,
  supportDocumentPage,
  supportViewOf,
} from "../../factus/support-views";
import { createdSupportDocument, supportDocumentDetail } from "../support-mappers";
import { createOptions, type DocumentFlow } from "./flow";
import { type SupportOrder, supportLedger, supportParts } from "./support";

export type SupportDocumentOrder = SupportOrder<
  FactusSupportDocumentRequestInput,
  z.input<typeof FactusV2SupportDocumentRequest>
>;

export const supportDocumentFlow: DocumentFlow<SupportDocumentOrder, SupportView, CreatedSupportDocument> = {
  resource: "support-documents",
  event: "support_document",
  operation: { singular: "SupportDocument", plural: "SupportDocuments" },
  noun: "el documento soporte",
  nouns: "documentos soporte",
  tag: "Documentos soporte",
  // Its detail lists the adjustment notes that correct it.
  cache: { name: "support-document", detailSeconds: 60 },
  resendsUnissued: true,
  createdSchema: CreatedSupportDocument,
  messages: {
    created: "Documento soporte creado exitosamente",
    pending: "Documento soporte recibido; pendiente de la respuesta de la DIAN",
    existing: "Documento soporte ya emitido con este código de referencia",
    deleted: "Documento soporte eliminado exitosamente",
  },
  async create(c, order) {
    const documents = c.get("factus").supportDocuments;
    return supportViewOf(
      order.factus_api_version === "v1"
        ? await documents.create(order.body, createOptions(c))
        : await documents.createV2(order.body, createOptions(c)),
    );
  },
  get: getSupportDocument,
  list: supportDocumentPage,
  ...supportParts((c) => c.get("factus").supportDocuments),
  created: createdSupportDocument,
  detail: (document, completion) => supportDocumentDetail(document, completion),
  ledger: (document) => supportLedger("support_document", document),
};
