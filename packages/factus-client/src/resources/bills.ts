import {
  FactusBillPage,
  FactusBillRequest,
  FactusBillResponse,
  type FactusBillSummary,
  FactusEmailContent,
  FactusMessage,
  FactusPdf,
  FactusRadianEvents,
  FactusSendEmailRequest,
  FactusXml,
} from "@factus-edge/contracts";
import type * as z from "zod";
import type { HttpCore } from "../core";
import { FactusInvalidRequestError } from "../errors";
import type { RequestOptions } from "../options";
import { Page } from "../pagination";

export interface BillFilters {
  identification?: string;
  names?: string;
  number?: string;
  prefix?: string;
  reference_code?: string;
  /** 1 validated, 0 pending. */
  status?: 0 | 1 | "0" | "1";
}

/**
 * A value as one URL path segment: encoded, and never "." or "..", which URL resolution would turn into another
 * Factus path (`/v1/bills/destroy/reference/..` is `/v1/bills/destroy`).
 */
const segment = (value: string) => {
  if (value === "." || value === "..") {
    throw new FactusInvalidRequestError(`"${value}" cannot be a path segment`, {
      requestId: "",
      issues: [{ field: "path", messages: ["Must not be . or .."] }],
    });
  }
  return encodeURIComponent(value);
};
const filterQuery = (filters: object) =>
  Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [`filter[${key}]`, value as string | undefined]),
  );

/** `/v1/bills`: electronic sales invoices. */
export class BillsResource {
  constructor(private readonly http: HttpCore) {}

  /**
   * Creates and validates a bill (`POST /v1/bills/validate`). Never retried: a retry could issue a second legal
   * invoice. Checked against Factus' request rules before sending.
   */
  async create(input: z.input<typeof FactusBillRequest> | FactusBillRequest, options: RequestOptions = {}) {
    const json = this.http.prepare(FactusBillRequest, input, options);
    const response = await this.http.request(
      { method: "POST", path: "/v1/bills/validate", json },
      FactusBillResponse,
      options,
    );
    return response.data;
  }

  /** One page of bills, newest first; iterate the page with `for await` to walk all of them. */
  async list(
    params: BillFilters & { page?: number } = {},
    options: RequestOptions = {},
  ): Promise<Page<FactusBillSummary>> {
    const { page = 1, ...filters } = params;
    const response = await this.http.request(
      { method: "GET", path: "/v1/bills", query: { ...filterQuery(filters), page } },
      FactusBillPage,
      options,
    );
    return new Page(response.data.data, response.data.pagination, (next) =>
      this.list({ ...params, page: next }, options),
    );
  }

  /** One bill in full (`GET /v1/bills/show/{number}`): company, customer, totals, CUFE, DIAN status, items. */
  async get(number: string, options: RequestOptions = {}) {
    const response = await this.http.request(
      { method: "GET", path: `/v1/bills/show/${segment(number)}` },
      FactusBillResponse,
      options,
    );
    return response.data;
  }

  /** `{ file_name, pdf_base_64_encoded }`. */
  async downloadPdf(number: string, options: RequestOptions = {}) {
    return (
      await this.http.request(
        { method: "GET", path: `/v1/bills/download-pdf/${segment(number)}` },
        FactusPdf,
        options,
      )
    ).data;
  }

  /** `{ file_name, xml_base_64_encoded }`. */
  async downloadXml(number: string, options: RequestOptions = {}) {
    return (
      await this.http.request(
        { method: "GET", path: `/v1/bills/download-xml/${segment(number)}` },
        FactusXml,
        options,
      )
    ).data;
  }

  /** Deletes a bill DIAN has not validated, by its reference code. Returns Factus' message. */
  async delete(referenceCode: string, options: RequestOptions = {}) {
    const path = `/v1/bills/destroy/reference/${segment(referenceCode)}`;
    return (await this.http.request({ method: "DELETE", path }, FactusMessage, options)).message;
  }

  /** E-mails the bill to `email`, optionally with a PDF of the caller's own. Returns Factus' message. */
  async sendEmail(
    number: string,
    input: z.input<typeof FactusSendEmailRequest>,
    options: RequestOptions = {},
  ) {
    const json = this.http.prepare(FactusSendEmailRequest, input, options);
    const path = `/v1/bills/send-email/${segment(number)}`;
    return (await this.http.request({ method: "POST", path, json }, FactusMessage, options)).message;
  }

  /** Subject and attached document of the bill's e-mail. */
  async emailContent(number: string, options: RequestOptions = {}) {
    const path = `/v1/bills/${segment(number)}/email-content`;
    return (await this.http.request({ method: "GET", path }, FactusEmailContent, options)).data;
  }

  /** RADIAN events (030–034) registered on the bill. */
  async events(number: string, options: RequestOptions = {}) {
    const path = `/v1/bills/${segment(number)}/radian/events`;
    return (await this.http.request({ method: "GET", path }, FactusRadianEvents, options)).data;
  }
}

export { filterQuery, segment };
