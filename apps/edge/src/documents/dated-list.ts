import { isoFromFactusDateTime } from "@factus-edge/contracts/factus/dates";
import type { Page } from "@factus-edge/factus-client/pagination";
import type { Context } from "hono";
import { callFactus } from "../factus/call";
import { factusVersionOf } from "../factus/documents";
import type { DocumentRowView } from "../factus/v2-views";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";

// Lists filtered by creation date (`created_from` / `created_to`, Colombia's calendar). Factus v2 filters natively
// (`filter[created_at][…]`); v1 cannot, so its pages are walked from the newest, and the walk stops once past the
// range. Factus' quota (80 calls a minute) is shared by every user of a company, so one request walks at most
// MAX_DATED_PAGES of them.

export const MAX_DATED_PAGES = 5;

export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The day a row was created, in Colombia (v1 and v2 write local time). */
const dayOf = (row: DocumentRowView) =>
  (isoFromFactusDateTime(row.created_at) ?? row.created_at).slice(0, 10);

/** v2's native filter, for the client's list parameters. */
export const v2DateFilter = ({ from, to }: DateRange) =>
  from || to ? { created_at: { ...(from && { start_date: from }), ...(to && { end_date: to }) } } : {};

/** Whether this list must walk v1 pages to filter by date (dates asked, and the account is v1). */
export async function walksV1Dates(c: Context<AppEnv>, range: DateRange) {
  if (!range.from && !range.to) return false;
  return (await callFactus(() => factusVersionOf(c))) === "v1";
}

/** The rows of a v1 list within the dates, newest first, walking at most MAX_DATED_PAGES Factus pages. */
export async function v1RowsInDates(
  fetchPage: (page: number) => Promise<Page<DocumentRowView>>,
  range: DateRange,
): Promise<DocumentRowView[]> {
  const rows: DocumentRowView[] = [];
  for (let number = 1; ; number++) {
    const page = await callFactus(() => fetchPage(number));
    for (const row of page.data) {
      const day = dayOf(row);
      if ((!range.from || day >= range.from) && (!range.to || day <= range.to)) rows.push(row);
    }
    const oldest = page.data.at(-1);
    const pastRange = range.from !== undefined && oldest !== undefined && dayOf(oldest) < range.from;
    if (pastRange || !page.hasNextPage()) return rows;
    if (number >= MAX_DATED_PAGES) {
      throw new ApiError("VALIDATION_FAILED", {
        message:
          `Esta cuenta de Factus (v1) no filtra por fecha: el servicio recorre sus páginas, y el rango pedido pasa de ` +
          `${MAX_DATED_PAGES} (${MAX_DATED_PAGES * 10} documentos, sin llegar a created_from). Acorte el rango`,
        details: [
          {
            path: "query.created_from",
            message: `Acorte el rango: como máximo ${MAX_DATED_PAGES} páginas de Factus por consulta`,
          },
        ],
      });
    }
  }
}
