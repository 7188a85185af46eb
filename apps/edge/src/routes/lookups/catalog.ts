import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { CatalogEntry, CatalogNameQuery } from "@factus-edge/contracts/schemas/lookups";
import type { FactusClient } from "@factus-edge/factus-client/client";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { callFactus, upstream } from "../../factus/call";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

// The four Factus catalogs with a name filter share one route shape and one mapping.

type CatalogFetch = "municipalities" | "tributes" | "measurementUnits" | "countries";
type FactusEntry = Awaited<ReturnType<FactusClient["catalogs"][CatalogFetch]>>[number];

/** A Factus catalog entry → `CatalogEntry` (department as a name, description where Factus has one). */
function catalogEntry(entry: FactusEntry): CatalogEntry {
  const department = "department" in entry ? (entry.department as string | { name: string }) : undefined;
  return {
    id: entry.id,
    code: String(entry.code),
    name: entry.name,
    ...(department === undefined
      ? {}
      : { department: typeof department === "string" ? department : department.name }),
    ...("description" in entry ? { description: (entry.description as string | null) ?? null } : {}),
  };
}

/** `GET /lookups/<path>`: a Factus catalog, filtered by name. */
export function catalogLookup(path: string, operationId: string, title: string, fetch: CatalogFetch) {
  const message = `${title} obtenidos exitosamente`;
  const route = defineRoute("factus", {
    method: "get",
    path: `/${path}`,
    operationId,
    tags: ["Catálogos"],
    summary: title,
    description: `${title} de Factus, con sus ids (los que toman las facturas) y códigos DIAN.`,
    request: { query: CatalogNameQuery },
    responses: { 200: jsonResponse(successEnvelope(z.array(CatalogEntry), message), title) },
  });
  const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
    const { name } = c.req.valid("query");
    const entries = await callFactus(() => c.get("factus").catalogs[fetch](name, upstream(c)));
    return c.json({ message, data: entries.map(catalogEntry) }, 200);
  };
  return { route, handler };
}
