import { FactusCreateNumberingRangeRequest, nameOfCode, RANGE_DOCUMENT_TYPES } from "@factus-edge/contracts";
import { Hono } from "hono";
import * as z from "zod";
import {
  created,
  done,
  filters,
  notFound,
  ok,
  pageOf,
  pagination,
  validationError,
  validJson,
} from "../http";
import type { Account } from "../services/account";
import type { RangeRow } from "../store/rows";
import { PAGE_SIZE } from "../store/store";
import { dayMonthYear } from "../views/format";

const CurrentBody = z.strictObject({ current: z.coerce.number().int().positive() });

const isExpired = (range: RangeRow, today: string) => Boolean(range.end_date && range.end_date < today);

/** A range as Factus shows it: in lists `document` is the name, in detail it is the code plus `document_name`. */
function rangeView(range: RangeRow, today: string, detail: boolean) {
  const documentName = nameOfCode(RANGE_DOCUMENT_TYPES, range.document) ?? range.document;
  return {
    id: range.id,
    document: detail ? range.document : documentName,
    ...(detail ? { document_name: documentName } : {}),
    prefix: range.prefix,
    from: range.range_from,
    to: range.range_to,
    current: range.current,
    resolution_number: range.resolution_number,
    start_date: detail ? dayMonthYear(range.start_date) : range.start_date,
    end_date: detail ? dayMonthYear(range.end_date) : range.end_date,
    technical_key: range.technical_key,
    is_expired: isExpired(range, today),
    is_active: range.is_active,
    ...(detail ? {} : { deleted_at: null }),
    created_at: range.created_at,
    updated_at: range.updated_at,
  };
}

export function numberingRangeRoutes(account: Account) {
  const { store } = account;
  const app = new Hono();
  const today = () => account.now().slice(0, 10);

  app.get("/", (c) => {
    const query = filters(c, ["id", "document", "resolution_number", "technical_key", "is_active"]);
    // Paginated like every Factus list: 10 per page.
    const rows = store.ranges(query);
    const page = pageOf(c);
    return ok(c, {
      data: rows
        .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
        .map((range) => rangeView(range, today(), false)),
      pagination: pagination(
        account.config.publicBaseUrl,
        "/v1/numbering-ranges",
        page,
        PAGE_SIZE,
        rows.length,
      ),
    });
  });

  app.get("/dian", (c) =>
    ok(
      c,
      store
        .ranges({ is_active: "1" })
        .filter((range) => range.resolution_number)
        .map((range) => ({
          resolution_number: range.resolution_number,
          prefix: range.prefix,
          from: String(range.range_from),
          to: String(range.range_to),
          start_date: range.start_date,
          end_date: range.end_date,
          technical_key: range.technical_key ?? "",
        })),
    ),
  );

  app.get("/:id{[0-9]+}", (c) => {
    const range = store.range(Number(c.req.param("id")));
    return range ? ok(c, rangeView(range, today(), true)) : notFound(c, "Rango de numeración no encontrado");
  });

  app.patch("/:id{[0-9]+}/current", validJson(CurrentBody), (c) => {
    const range = store.range(Number(c.req.param("id")));
    if (!range) return notFound(c, "Rango de numeración no encontrado");
    const { current } = c.req.valid("json");
    // Factus only moves a range forward within its bounds: numbers already used are never handed out again.
    if (current < range.current || current > range.range_to + 1) {
      return validationError(c, {
        current: [`Debe estar entre ${range.current} (el consecutivo actual) y ${range.range_to}`],
      });
    }
    store.setCurrent(range.id, current, account.now());
    return ok(
      c,
      rangeView(store.range(range.id)!, today(), true),
      "Rango de numeración actualizado con éxito",
    );
  });

  app.post("/", validJson(FactusCreateNumberingRangeRequest), (c) => {
    const input = c.req.valid("json");
    if (!nameOfCode(RANGE_DOCUMENT_TYPES, input.document)) {
      return validationError(c, { document: ["Tipo de documento desconocido"] });
    }
    const now = account.now();
    const from = input.from ?? input.current;
    const id = store.insertRange({
      document: input.document,
      prefix: input.prefix,
      range_from: from,
      range_to: input.to ?? from + 1_000_000,
      current: input.current,
      resolution_number: input.resolution_number ?? null,
      start_date: input.start_date ?? now.slice(0, 10),
      // Like a DIAN resolution, a range is valid for a year unless it says otherwise.
      end_date: input.end_date ?? `${Number(now.slice(0, 4)) + 1}${now.slice(4, 10)}`,
      technical_key: input.technical_key ?? null,
      is_active: 1,
      created_at: now,
      updated_at: now,
    });
    return created(c, rangeView(store.range(id)!, today(), true), "Rango de numeración creado con éxito");
  });

  app.delete("/:id{[0-9]+}", (c) => {
    const id = Number(c.req.param("id"));
    if (!store.range(id)) return notFound(c, "Rango de numeración no encontrado");
    if (store.rangeHasDocuments(id)) {
      return validationError(c, { id: ["El rango tiene documentos emitidos y no se puede eliminar"] });
    }
    store.deleteRange(id);
    return done(c, "Rango de numeración eliminado con éxito");
  });

  return app;
}
