import { CompanyProfile } from "@factus-edge/contracts/schemas/company";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import { callFactus, upstream } from "../../factus/call";
import { companyNameOf } from "../../factus/company";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Empresa obtenida exitosamente";

export const getCompanyRoute = defineRoute("factus", {
  method: "get",
  path: "/",
  operationId: "getCompany",
  tags: ["Empresa"],
  summary: "Perfil de la empresa emisora",
  description:
    "La empresa de la cuenta de Factus, que emite las facturas: NIT, nombre, contacto y actividad.",
  responses: { 200: jsonResponse(successEnvelope(CompanyProfile, MESSAGE), "La empresa") },
});

const text = (value: unknown) =>
  value === undefined || value === null || value === "" ? null : String(value);

export const getCompany: RouteHandler<typeof getCompanyRoute, AppEnv> = async (c) => {
  const company = (await callFactus(() => c.get("factus").company.get(upstream(c)))) as Record<
    string,
    unknown
  >;
  return c.json(
    {
      message: MESSAGE,
      data: {
        nit: String(company.nit),
        dv: text(company.dv),
        name: companyNameOf(company),
        trade_name: text(company.trade_name),
        email: text(company.email),
        phone: text(company.phone),
        address: text(company.address),
        economic_activity: text(company.economic_activity),
        logo_url: text(company.url_logo),
      },
    },
    200,
  );
};
