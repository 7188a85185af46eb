import {
  toFactusV1SupportDocument,
  toFactusV2SupportDocument,
} from "@factus-edge/contracts/mapping/support-documents";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import {
  CreatedSupportDocument,
  CreateSupportDocumentRequest,
  type CreateSupportDocumentRequestInput,
} from "@factus-edge/contracts/schemas/support-documents";
import type { RouteHandler } from "@hono/zod-openapi";
import { issueAndRespond } from "../../documents/issue";
import { expectedOf, notOnVersion } from "../../documents/kinds/flow";
import { type SupportDocumentOrder, supportDocumentFlow } from "../../documents/kinds/support-document";
import { callFactus } from "../../factus/call";
import { factusVersionOf } from "../../factus/documents";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

/** The customer's documented example of a support document: a purchase from a natural person with ReteRenta. */
export const SUPPORT_DOCUMENT_EXAMPLE: CreateSupportDocumentRequestInput = {
  reference_code: "DS-2026-0001",
  payment_method_code: "10",
  provider: {
    identification_document_id: 6,
    identification: "123456789",
    dv: "6",
    names: "Alan Turing",
    address: "calle 1 # 2-68",
    email: "proveedor@correo.co",
    is_resident: 1,
    country_code: "CO",
    municipality_id: 980,
  },
  items: [
    {
      code_reference: "12345",
      name: "Cosecha de café (arroba)",
      quantity: 1,
      discount_rate: 20,
      price: 50000,
      unit_measure_id: 70,
      standard_code_id: 1,
      withholding_taxes: [{ code: "06", withholding_tax_rate: 3.5 }],
    },
  ],
};

export const createdAnswer =
  <T>(schema: T, message: string, noun: string) =>
  (description: string) => ({
    ...jsonResponse(successEnvelope(schema as never, message), description),
    headers: {
      Location: { description: `URL de ${noun}`, schema: { type: "string" as const } },
      "X-Document-Recovered": {
        description:
          "Presente cuando el documento se encontró en Factus: `lost-answer` o `existing-reference`.",
        schema: { type: "string" as const, enum: ["lost-answer", "existing-reference"] },
      },
    },
  });

const answer = createdAnswer(
  CreatedSupportDocument,
  supportDocumentFlow.messages.created,
  "el documento soporte",
);

export const createSupportDocumentRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/",
    operationId: "createSupportDocument",
    tags: [supportDocumentFlow.tag],
    summary: "Crear y validar un documento soporte",
    description:
      "La compra a quien no factura (un campesino, un independiente): sin él, la empresa no puede deducirla. La " +
      "empresa es la compradora; `provider` es quien vende (NIT, cédula de extranjería, pasaporte…: no CC). Cada línea " +
      "lleva IVA solo si la cuenta es Factus v2 (`tax_rate`, 0 = excluido, como Factus v1 emite todo documento " +
      "soporte) y las retenciones que practica la empresa, que no restan del total. Antes de gastar un número se " +
      "comprueban las reglas de la DIAN que se pueden comprobar (dígito de verificación del NIT, residente con " +
      "municipio, extranjero fuera de CO). Mismo ciclo de vida que una factura: 201 validado, 202 pendiente de la " +
      "DIAN, 422 rechazado con el número consumido, y la respuesta perdida se busca por `reference_code`.",
    request: jsonBody(CreateSupportDocumentRequest, "Documento soporte a emitir", SUPPORT_DOCUMENT_EXAMPLE),
    responses: {
      201: answer("Documento validado por la DIAN"),
      202: answer("La DIAN aún no responde: quedó numerado; reenvíelo tal cual (/retry)"),
      200: answer("Ya existía un documento con este reference_code, el mismo proveedor y el mismo total"),
    },
  },
  {
    idempotent: true,
    errors: ["REFERENCE_CODE_IN_USE", "FACTUS_OUTCOME_UNKNOWN", "NOT_AVAILABLE_ON_FACTUS_VERSION"],
  },
);

export const createSupportDocument: RouteHandler<typeof createSupportDocumentRoute, AppEnv> = async (c) => {
  const document = c.req.valid("json");
  const version = await callFactus(() => factusVersionOf(c));
  const mapping =
    version === "v1" ? toFactusV1SupportDocument(document) : toFactusV2SupportDocument(document);
  if (!mapping.ok) throw notOnVersion(version, mapping.issues);
  const order = {
    factus_api_version: version,
    reference_code: document.reference_code,
    body: mapping.body,
    expected: expectedOf(document.provider.identification, mapping.totals),
  } as SupportDocumentOrder;
  return issueAndRespond(c, supportDocumentFlow, order);
};
