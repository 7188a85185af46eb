import { FactusCreateNumberingRangeRequest, nameOfCode, RANGE_DOCUMENT_TYPES } from "@factus-edge/contracts";
import { FactusV2CreateNumberingRangeRequest } from "@factus-edge/contracts/factus-v2";
import { type Context, Hono } from "hono";
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
import type { ApiVersion } from "../services/company";
import type { RangeRow } from "../store/rows";
import { PAGE_SIZE } from "../store/store";
import { dayMonthYear } from "../views/format";

const CurrentBody = z.strictObject({ current: z.coerce.number().int().positive() });

const isExpired = (range: RangeRow, today: string) => Boolean(range.end_date && range.end_date < today);

/**
 * A range as Factus shows it: in lists `document` is the name, in detail it is the code plus `document_name`. v1
 * answers `is_active` as 1/0; v2 as a boolean (a v2 sandbox capture; its docs still say 1/0).
 */
function rangeView(range: RangeRow, today: string, detail: boolean, version: ApiVersion) {
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
    is_active: version === "v2" ? range.is_active === 1 : range.is_active,
    ...(detail ? {} : { deleted_at: null }),
    created_at: range.created_at,
    updated_at: range.updated_at,
  };
}

/** A range created through v1 (`from`, `to`, dates and key may be given) or v2 (`document, prefix, current`). */
type NewRange = Pick<RangeRow, "document" | "prefix" | "current"> &
  Partial<
    Pick<
      RangeRow,
      "range_from" | "range_to" | "resolution_number" | "start_date" | "end_date" | "technical_key"
    >
  >;

/** `/{v1|v2}/numbering-ranges`: the same ranges through either version's shapes (v2 adds toggle-status). */
export function numberingRangeRoutes(account: Account, version: ApiVersion) {
  const { store } = account;
  const app = new Hono();
  const today = () => account.now().slice(0, 10);
  const view = (range: RangeRow, detail: boolean) => rangeView(range, today(), detail, version);
  const found = (id: string) => store.range(Number(id));
  const rangeNotFound = (c: Context) => notFound(c, "Rango de numeración no encontrado");

  app.get("/", (c) => {
    const query = filters(c, ["id", "document", "resolution_number", "technical_key", "is_active"]);
    // Paginated like every Factus list: 10 per page.
    const rows = store.ranges(query);
    const page = pageOf(c);
    return ok(c, {
      data: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((range) => view(range, false)),
      pagination: pagination(
        account.config.publicBaseUrl,
        `/${version}/numbering-ranges`,
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
    const range = found(c.req.param("id"));
    return range ? ok(c, view(range, true)) : rangeNotFound(c);
  });

  app.patch("/:id{[0-9]+}/current", validJson(CurrentBody), (c) => {
    const range = found(c.req.param("id"));
    if (!range) return rangeNotFound(c);
    const { current } = c.req.valid("json");
    // Factus only moves a range forward within its bounds: numbers already used are never handed out again.
    if (current < range.current || current > range.range_to + 1) {
      return validationError(c, {
        current: [`Debe estar entre ${range.current} (el consecutivo actual) y ${range.range_to}`],
      });
    }
    store.setCurrent(range.id, current, account.now());
    return ok(c, view(store.range(range.id)!, true), "Rango de numeración actualizado con éxito");
  });

  const create = (c: Context, input: NewRange) => {
    if (!nameOfCode(RANGE_DOCUMENT_TYPES, input.document)) {
      return validationError(c, { document: ["Tipo de documento desconocido"] });
    }
    const now = account.now();
    const from = input.range_from ?? input.current;
    const id = store.insertRange({
      document: input.document,
      prefix: input.prefix,
      range_from: from,
      range_to: input.range_to ?? from + 1_000_000,
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
    return created(c, view(store.range(id)!, true), "Rango de numeración creado con éxito");
  };

  if (version === "v1") {
    app.post("/", validJson(FactusCreateNumberingRangeRequest), (c) => {
      const input = c.req.valid("json");
      return create(c, {
        ...input,
        range_from: input.from,
        range_to: input.to,
        resolution_number: input.resolution_number,
        start_date: input.start_date,
        end_date: input.end_date,
        technical_key: input.technical_key,
      });
    });
  } else {
    // v2 takes only `document, prefix, resolution_number, current`: DIAN's resolution holds the rest. A bill
    // range gets a technical key of its own, as DIAN gives one with each resolution.
    app.post("/", validJson(FactusV2CreateNumberingRangeRequest), (c) => {
      const input = c.req.valid("json");
      const technicalKey =
        input.document === "21" ? crypto.getRandomValues(new Uint8Array(20)).toHex() : undefined;
      return create(c, { ...input, technical_key: technicalKey });
    });

    app.patch("/:id{[0-9]+}/toggle-status", (c) => {
      const range = found(c.req.param("id"));
      if (!range) return rangeNotFound(c);
      store.setActive(range.id, !range.is_active, account.now());
      return ok(
        c,
        view(store.range(range.id)!, true),
        "Estado del rango de numeración actualizado con éxito",
      );
    });
  }

  app.delete("/:id{[0-9]+}", (c) => {
    const range = found(c.req.param("id"));
    if (!range) return rangeNotFound(c);
    if (store.rangeHasDocuments(range.id)) {
      return validationError(c, { id: ["El rango tiene documentos emitidos y no se puede eliminar"] });
    }
    store.deleteRange(range.id);
    return done(c, "Rango de numeración eliminado con éxito");
  });

  return app;
}
