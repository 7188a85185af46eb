import { REFERENCE_TABLES, successEnvelope } from "@factus-edge/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import type { AppEnv } from "../../lib/context";
import {
  AUTH_ERRORS,
  errorResponses,
  FACTUS_ERRORS,
  FACTUS_SECURITY,
  jsonResponse,
  LOCAL_SECURITY,
} from "../../lib/openapi";
import { createRouter } from "../../lib/router";
import { callFactus, upstream } from "../../lib/upstream";
import { requireFactusToken, requireUser } from "../../middleware/auth";
import { userRateLimit } from "../../middleware/rate-limiter";
import { FactusHeaders } from "../invoices/schema";

const NameQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: "Filtro por nombre (parcial, sin tildes)." }),
});
const CatalogEntry = z
  .object({
    id: z.int(),
    code: z.string(),
    name: z.string(),
    department: z.string().optional(),
    description: z.string().nullable().optional(),
  })
  .meta({ id: "CatalogEntry" });

const catalogs = {
  municipalities: { title: "Municipios", fetch: "municipalities" },
  taxes: { title: "Tributos de productos", fetch: "tributes" },
  units: { title: "Unidades de medida", fetch: "measurementUnits" },
  countries: { title: "Países", fetch: "countries" },
} as const;
type CatalogName = keyof typeof catalogs;

const catalogRoute = (name: CatalogName) =>
  createRoute({
    method: "get",
    path: `/${name}`,
    operationId: `lookup${name[0]!.toUpperCase()}${name.slice(1)}`,
    tags: ["Catálogos"],
    summary: catalogs[name].title,
    description: `${catalogs[name].title} de Factus, con sus ids (los que toman las facturas) y códigos DIAN.`,
    security: FACTUS_SECURITY,
    middleware: [requireUser, userRateLimit, requireFactusToken] as const,
    request: { query: NameQuery, headers: FactusHeaders },
    responses: {
      200: jsonResponse(
        successEnvelope(z.array(CatalogEntry), `${catalogs[name].title} obtenidos exitosamente`),
        catalogs[name].title,
      ),
      ...errorResponses(...AUTH_ERRORS, ...FACTUS_ERRORS, "VALIDATION_FAILED"),
    },
  });

const catalogHandler =
  (name: CatalogName): RouteHandler<ReturnType<typeof catalogRoute>, AppEnv> =>
  async (c) => {
    const { name: filter } = c.req.valid("query");
    const entries = await callFactus(() =>
      c.get("factus").catalogs[catalogs[name].fetch](filter, upstream(c)),
    );
    const data = entries.map((entry) => {
      const department = "department" in entry ? (entry.department as string | { name: string }) : undefined;
      return {
        id: entry.id,
        code: String(entry.code),
        name: entry.name,
        ...(department === undefined
          ? {}
          : { department: typeof department === "string" ? department : department.name }),
        ...("description" in entry ? { description: entry.description ?? null } : {}),
      };
    });
    return c.json({ message: `${catalogs[name].title} obtenidos exitosamente`, data }, 200);
  };

const AcquirerQuery = z.strictObject({
  identification_document_id: z.string().regex(/^\d{1,2}$/, { error: "Tipo de documento inválido" }),
  identification_number: z.string().regex(/^\d{3,15}$/, { error: "Número de identificación inválido" }),
});
const Acquirer = z.object({ name: z.string(), email: z.string().nullable() }).meta({ id: "Acquirer" });

export const acquirerRoute = createRoute({
  method: "get",
  path: "/acquirer",
  operationId: "lookupAcquirer",
  tags: ["Catálogos"],
  summary: "Datos de un adquiriente en la DIAN",
  description:
    "Nombre y correo que la DIAN tiene registrados para una identificación: útil para prellenar el cliente.",
  security: FACTUS_SECURITY,
  middleware: [requireUser, userRateLimit, requireFactusToken] as const,
  request: { query: AcquirerQuery, headers: FactusHeaders },
  responses: {
    200: jsonResponse(successEnvelope(Acquirer, "Adquiriente obtenido exitosamente"), "Adquiriente"),
    ...errorResponses(...AUTH_ERRORS, ...FACTUS_ERRORS, "VALIDATION_FAILED", "NOT_FOUND"),
  },
});

const acquirer: RouteHandler<typeof acquirerRoute, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const found = await callFactus(() =>
    c.get("factus").catalogs.acquirer(
      {
        identificationDocumentId: Number(query.identification_document_id),
        identificationNumber: query.identification_number,
      },
      upstream(c),
    ),
  );
  return c.json(
    { message: "Adquiriente obtenido exitosamente", data: { name: found.name, email: found.email } },
    200,
  );
};

export const referenceTablesRoute = createRoute({
  method: "get",
  path: "/reference-tables",
  operationId: "lookupReferenceTables",
  tags: ["Catálogos"],
  summary: "Tablas de referencia estáticas",
  description:
    "Catálogos DIAN/Factus que no cambian (tipos de documento, organizaciones, tributos, medios y formas de pago, " +
    "estándares, tipos de operación, eventos RADIAN…), por el campo de la factura que llenan. No llama a Factus.",
  security: LOCAL_SECURITY,
  middleware: [requireUser] as const,
  responses: {
    200: jsonResponse(
      successEnvelope(z.record(z.string(), z.array(z.looseObject({}))), "Tablas obtenidas exitosamente"),
      "Tablas",
    ),
    ...errorResponses(...AUTH_ERRORS),
  },
});

const referenceTables: RouteHandler<typeof referenceTablesRoute, AppEnv> = (c) =>
  c.json(
    {
      message: "Tablas obtenidas exitosamente",
      data: REFERENCE_TABLES as unknown as Record<string, object[]>,
    },
    200,
  );

export const lookupsRouter = createRouter()
  .openapi(referenceTablesRoute, referenceTables)
  .openapi(acquirerRoute, acquirer)
  .openapi(catalogRoute("municipalities"), catalogHandler("municipalities"))
  .openapi(catalogRoute("taxes"), catalogHandler("taxes"))
  .openapi(catalogRoute("units"), catalogHandler("units"))
  .openapi(catalogRoute("countries"), catalogHandler("countries"));
