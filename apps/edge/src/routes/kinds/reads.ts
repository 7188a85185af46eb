import type { CreditNoteListQuery } from "@factus-edge/contracts/schemas/credit-notes";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { FACTUS_PAGE_SIZE, SendInvoiceEmailRequest } from "@factus-edge/contracts/schemas/invoice-responses";
import { DocumentNumberParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { pageCompletions } from "../../completion/jobs";
import { v1RowsInDates, v2DateFilter, walksV1Dates } from "../../documents/dated-list";
import type { AnyFlow, DocumentRow } from "../../documents/kinds/flow";
import { withCompletion } from "../../documents/reads";
import { callFactus, upstream } from "../../factus/call";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";
import { versionGate } from "./version-gate";

// The reads every kind shares: its list, its detail, and its e-mail to the buyer.

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `GET /<resource>`: one page of the kind, newest first, with where the gateway stands on each pending one. */
export function listRoute(flow: AnyFlow, schemas: { list: z.ZodType; query: typeof CreditNoteListQuery }) {
  const message = `${capitalized(flow.nouns)} obtenidas exitosamente`;
  const route = defineRoute(
    "factus",
    {
      method: "get",
      path: "/",
      operationId: `list${flow.operation.plural}`,
      tags: [flow.tag],
      summary: `Listar ${flow.nouns}`,
      description:
        `${capitalized(flow.nouns)} de la empresa, de la más reciente a la más antigua, 10 por página (la página de ` +
        "Factus). Filtros por número, prefijo, código de referencia, identificación o nombre del cliente, estado y " +
        "fecha de creación (`created_from`, `created_to`: como en las facturas).",
      request: { query: schemas.query },
      responses: { 200: jsonResponse(successEnvelope(schemas.list, message), `Una página de ${flow.nouns}`) },
    },
    versionGate(flow),
  );
  const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
    const { page, status, created_from, created_to, ...query } = c.req.valid("query") as z.output<
      typeof CreditNoteListQuery
    >;
    const filters = { ...query, ...(status ? { status } : {}) };
    const dates = { from: created_from, to: created_to };
    const summary = async (rows: DocumentRow[]) => {
      // Where the gateway stands on finishing the page's pending documents (none: no read).
      const live = await pageCompletions(c, flow.resource, rows);
      return rows.map((row) => flow.summary(row, live.get(row.number) ?? null));
    };
    if (await walksV1Dates(c, dates)) {
      const rows = await v1RowsInDates((number) => flow.list(c, { ...filters, page: number }), dates);
      const perPage = FACTUS_PAGE_SIZE;
      const items = await summary(rows.slice((page - 1) * perPage, page * perPage));
      const last_page = Math.max(1, Math.ceil(rows.length / perPage));
      return c.json(
        { message, data: { items, pagination: { page, per_page: perPage, total: rows.length, last_page } } },
        200,
      );
    }
    const result = await callFactus(() => flow.list(c, { ...filters, ...v2DateFilter(dates), page }));
    const { pagination } = result;
    const items = await summary(result.data);
    return c.json(
      {
        message,
        data: {
          items,
          pagination: {
            page: pagination.current_page,
            per_page: pagination.per_page,
            total: pagination.total,
            last_page: Math.max(1, pagination.last_page),
          },
        },
      },
      200,
    ) as never;
  };
  return { route, handler };
}

/** `GET /<resource>/{number}`: the document's public detail, and where its background completion stands. */
export function detailRoute(flow: AnyFlow, schema: z.ZodType, description: string) {
  const message = `${capitalized(flow.noun.replace(/^(la|el) /, ""))} obtenida exitosamente`;
  const route = defineRoute(
    "factus",
    {
      method: "get",
      path: "/{number}",
      operationId: `get${flow.operation.singular}`,
      tags: [flow.tag],
      summary: `Consultar ${flow.noun}`,
      description,
      request: { params: DocumentNumberParam },
      responses: { 200: jsonResponse(successEnvelope(schema, message), capitalized(flow.noun)) },
    },
    versionGate(flow),
  );
  const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
    const { number } = c.req.valid("param");
    const { document, completion } = await withCompletion(c, flow, number);
    return c.json({ message, data: flow.detail(document, completion) }, 200) as never;
  };
  return { route, handler };
}

const EMAIL_SENT = "Correo enviado exitosamente";

/** `POST /<resource>/{number}/send-email`: Factus e-mails the document to the buyer. */
export function sendEmailRoute(flow: AnyFlow) {
  const route = defineRoute(
    "factus",
    {
      method: "post",
      path: "/{number}/send-email",
      operationId: `send${flow.operation.singular}Email`,
      tags: [flow.tag],
      summary: `Enviar ${flow.noun} por correo`,
      description: `Envía ${flow.noun} al correo indicado. Acepta \`Idempotency-Key\` para no enviar dos veces el mismo correo.`,
      request: {
        params: DocumentNumberParam,
        ...jsonBody(SendInvoiceEmailRequest, "Destinatario", { email: "cliente@empresa.com.co" }),
      },
      responses: {
        200: jsonResponse(
          successEnvelope(z.object({ number: z.string(), email: z.string() }), EMAIL_SENT),
          "Correo enviado",
        ),
      },
    },
    versionGate(flow, { idempotent: true }),
  );
  const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
    const { number } = c.req.valid("param");
    const body = c.req.valid("json");
    const sendEmail = flow.files(c).sendEmail!;
    await callFactus(() => sendEmail(number, body, upstream(c)), `No existe ${flow.noun} ${number}`);
    return c.json({ message: EMAIL_SENT, data: { number, email: body.email } }, 200);
  };
  return { route, handler };
}
