import type { FactusPagination } from "@factus-edge/contracts/factus/common";
import { FactusV2BillFilters, FactusV2SendEmailRequest } from "@factus-edge/contracts/factus-v2/bills";
import { FactusV2Message } from "@factus-edge/contracts/factus-v2/primitives";
import type * as z from "zod";
import type { HttpCore } from "../core";
import { type Tagged, tag } from "../documents";
import type { FactusApiVersion } from "../errors";
import type { RequestOptions } from "../options";
import { Page } from "../pagination";
import { dataOf, filterQuery, messageOf, segment } from "./shared";

// What bills, credit notes and debit notes share: their list parameters and pages, and v2's routes around a
// document (`/v2/<kind>/validate`, `/v2/<kind>/{number}[/download-pdf|/download-xml|/email-content|/send-email]`).

export interface BillFilters {
  identification?: string;
  names?: string;
  number?: string;
  prefix?: string;
  reference_code?: string;
  /** 1 validated, 0 pending. */
  status?: 0 | 1 | "0" | "1";
}

/** Filters only Factus v2 has; a list that uses one goes to v2 only. */
export interface V2OnlyFilters {
  /** Rows per page (`filter[per_page]`; Factus' default is 10). */
  per_page?: number;
  /** Creation dates, `YYYY-MM-DD` (`filter[created_at][start_date|end_date]`). */
  created_at?: { start_date?: string; end_date?: string };
}

export type DocumentListParams = BillFilters & V2OnlyFilters & { page?: number };

export const usesV2OnlyFilters = (params: V2OnlyFilters) =>
  params.per_page !== undefined || params.created_at !== undefined;

type Envelope<T> = z.ZodType<{ data: T }>;
type PageAnswer<Row> = Envelope<{ data: Row[]; pagination: FactusPagination }>;

/**
 * One page of the document list at `path` (`filter[…]` and `page`), its rows tagged `version`; the page fetches the
 * ones after it the same way. v2's filters are checked against its rules first.
 */
export async function documentPage<Row extends object, V extends FactusApiVersion>(
  http: HttpCore,
  version: V,
  path: string,
  schema: PageAnswer<Row>,
  params: DocumentListParams,
  options: RequestOptions,
): Promise<Page<Tagged<Row, V>>> {
  const { page = 1, ...filters } = params;
  const checked = version === "v2" ? http.prepare(FactusV2BillFilters, filters, options) : filters;
  const query = { ...filterQuery(checked), page };
  const { data, pagination } = await dataOf(http, { method: "GET", path, query }, schema, options);
  const next = (number: number) =>
    documentPage(http, version, path, schema, { ...params, page: number }, options);
  return new Page(
    data.map((row) => tag(row, version)),
    pagination,
    next,
    version,
  );
}

/** A v2 document kind's routes under `base`, its answers parsed with `answer` and `pageAnswer`. */
export class V2DocumentRoutes<Document extends object, Row extends object> {
  constructor(
    private readonly http: HttpCore,
    private readonly base:
      | "/v2/bills"
      | "/v2/credit-notes"
      | "/v2/debit-notes"
      | "/v2/support-documents"
      | "/v2/adjustment-notes",
    private readonly answer: Envelope<Document>,
    private readonly pageAnswer: PageAnswer<Row>,
    /** Bills delete at `destroy/reference/{ref}`, the others at `reference/{ref}`. */
    private readonly deletePrefix: "destroy/reference" | "reference",
  ) {}

  async create(json: unknown, options: RequestOptions): Promise<Tagged<Document, "v2">> {
    const request = { method: "POST", path: `${this.base}/validate`, json } as const;
    return tag(await dataOf(this.http, request, this.answer, options), "v2");
  }

  page(params: DocumentListParams, options: RequestOptions): Promise<Page<Tagged<Row, "v2">>> {
    return documentPage(this.http, "v2", this.base, this.pageAnswer, params, options);
  }

  async get(number: string, options: RequestOptions): Promise<Tagged<Document, "v2">> {
    return tag(await dataOf(this.http, this.at(number), this.answer, options), "v2");
  }

  /** `GET {base}/{number}{suffix}`, e.g. `/download-pdf`. */
  at = (number: string, suffix = "") =>
    ({ method: "GET", path: `${this.base}/${segment(number)}${suffix}` }) as const;

  delete(referenceCode: string, options: RequestOptions): Promise<string> {
    const path = `${this.base}/${this.deletePrefix}/${segment(referenceCode)}`;
    return messageOf(this.http, { method: "DELETE", path }, FactusV2Message, options);
  }

  sendEmail(number: string, input: unknown, options: RequestOptions): Promise<string> {
    const json = this.http.prepare(FactusV2SendEmailRequest, input, options);
    const request = { method: "POST", path: `${this.base}/${segment(number)}/send-email`, json } as const;
    return messageOf(this.http, request, FactusV2Message, options);
  }
}
