import {
  FactusBillPage,
  FactusBillRequest,
  FactusBillResponse,
  FactusEmailContent,
  FactusMessage,
  FactusPdf,
  FactusRadianEvents,
  FactusSendEmailRequest,
  FactusXml,
} from "@factus-edge/contracts";
import {
  FactusV2BillFilters,
  FactusV2BillRequest,
  type FactusV2BillRequestInput,
  FactusV2EmailContent,
  FactusV2Message,
  FactusV2Pdf,
  FactusV2RadianEvents,
  FactusV2SendEmailRequest,
  FactusV2Xml,
} from "@factus-edge/contracts/factus-v2";
import type * as z from "zod";
import type { ApiVersions } from "../api-version";
import type { HttpCore } from "../core";
import {
  type ByVersion,
  tag,
  type V1BillDocument,
  type V1BillRow,
  V2BillAnswer,
  type V2BillDocument,
  V2BillPageAnswer,
  type V2BillRow,
} from "../documents";
import type { RequestOptions } from "../options";
import { Page } from "../pagination";
import { dataOf, filterQuery, messageOf, onEither, segment } from "./shared";

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

/** Why a read refuses a v2 account on a client whose `apiVersion` option was left out. */
export const V1_TYPED =
  "0.1's v1 types are kept when the client's `apiVersion` option is left out; build it with apiVersion: \"auto\" to read v2 documents";

type Pdf = z.output<typeof FactusPdf>["data"];
type Xml = z.output<typeof FactusXml>["data"];
/** v2 does not say whether the attachment is always there (FJSF #6). */
type EmailContent = z.output<typeof FactusEmailContent | typeof FactusV2EmailContent>["data"];
type RadianEvents = z.output<typeof FactusRadianEvents>["data"];

/**
 * Electronic sales invoices, on `/v1/bills` or `/v2/bills` by the account's API version. `get` and `list` answer
 * the account's version's shape, tagged `apiVersion` (see `documentView()` for the fields both share); creates take
 * one version's request each (`create` v1, `createV2` v2).
 */
export class BillsResource<V = undefined> {
  constructor(
    private readonly http: HttpCore,
    private readonly versions: ApiVersions,
  ) {}

  /**
   * Creates and validates a bill from a **v1** request (`POST /v1/bills/validate`); a v2 account refuses it with
   * FactusVersionError (send it with `createV2`). Never retried: a retry could issue a second legal invoice. Checked
   * against Factus' request rules before sending.
   */
  async create(
    input: z.input<typeof FactusBillRequest> | FactusBillRequest,
    options: RequestOptions = {},
  ): Promise<V1BillDocument> {
    const json = this.http.prepare(FactusBillRequest, input, options);
    const send = async () =>
      tag(
        await dataOf(
          this.http,
          { method: "POST", path: "/v1/bills/validate", json },
          FactusBillResponse,
          options,
        ),
        "v1",
      );
    return this.versions.run("bills.create", options, { v1: send }, "send a v2 request with bills.createV2");
  }

  /**
   * Creates and validates a bill from a **v2** request (`POST /v2/bills/validate`: DIAN codes, net prices,
   * `payment_details`); a v1 account refuses it with FactusVersionError. Never retried, like `create`.
   */
  async createV2(
    input: FactusV2BillRequestInput | FactusV2BillRequest,
    options: RequestOptions = {},
  ): Promise<V2BillDocument> {
    const json = this.http.prepare(FactusV2BillRequest, input, options);
    const send = async () =>
      tag(
        await dataOf(this.http, { method: "POST", path: "/v2/bills/validate", json }, V2BillAnswer, options),
        "v2",
      );
    return this.versions.run("bills.createV2", options, { v2: send }, "send a v1 request with bills.create");
  }

  /**
   * One page of bills, newest first; iterate the page with `for await` to walk all of them. `per_page` and
   * `created_at` exist on v2 only.
   */
  async list(
    params: DocumentListParams = {},
    options: RequestOptions = {},
  ): Promise<ByVersion<V, Page<V1BillRow>, Page<V2BillRow>>> {
    const v2Only = usesV2OnlyFilters(params);
    const page = await this.versions.run<Page<V1BillRow> | Page<V2BillRow>>(
      "bills.list",
      options,
      {
        v1: v2Only ? undefined : () => this.v1Page(params, options),
        v2: this.versions.v1Typed ? undefined : () => this.v2Page(params, options),
      },
      v2Only ? "per_page and created_at are v2 filters" : V1_TYPED,
    );
    return page as ByVersion<V, Page<V1BillRow>, Page<V2BillRow>>;
  }

  private async v1Page(params: DocumentListParams, options: RequestOptions): Promise<Page<V1BillRow>> {
    const { page = 1, ...filters } = params;
    const request = { method: "GET", path: "/v1/bills", query: { ...filterQuery(filters), page } } as const;
    const { data, pagination } = await dataOf(this.http, request, FactusBillPage, options);
    const next = (number: number) => this.v1Page({ ...params, page: number }, options);
    return new Page(
      data.map((row) => tag(row, "v1")),
      pagination,
      next,
      "v1",
    );
  }

  private async v2Page(params: DocumentListParams, options: RequestOptions): Promise<Page<V2BillRow>> {
    const { page = 1, ...filters } = params;
    const query = { ...filterQuery(this.http.prepare(FactusV2BillFilters, filters, options)), page };
    const { data, pagination } = await dataOf(
      this.http,
      { method: "GET", path: "/v2/bills", query },
      V2BillPageAnswer,
      options,
    );
    const next = (number: number) => this.v2Page({ ...params, page: number }, options);
    return new Page(
      data.map((row) => tag(row, "v2")),
      pagination,
      next,
      "v2",
    );
  }

  /** One bill in full (`GET /v1/bills/show/{number}` or `GET /v2/bills/{number}`). */
  async get(
    number: string,
    options: RequestOptions = {},
  ): Promise<ByVersion<V, V1BillDocument, V2BillDocument>> {
    const path = segment(number);
    const v1 = async () =>
      tag(
        await dataOf(
          this.http,
          { method: "GET", path: `/v1/bills/show/${path}` },
          FactusBillResponse,
          options,
        ),
        "v1",
      );
    const v2 = async () =>
      tag(await dataOf(this.http, { method: "GET", path: `/v2/bills/${path}` }, V2BillAnswer, options), "v2");
    const bill = await this.versions.run<V1BillDocument | V2BillDocument>(
      "bills.get",
      options,
      { v1, v2: this.versions.v1Typed ? undefined : v2 },
      V1_TYPED,
    );
    return bill as ByVersion<V, V1BillDocument, V2BillDocument>;
  }

  /** `{ file_name, pdf_base_64_encoded }`. */
  async downloadPdf(number: string, options: RequestOptions = {}): Promise<Pdf> {
    const path = segment(number);
    return onEither(
      this.http,
      this.versions,
      "bills.downloadPdf",
      options,
      [{ method: "GET", path: `/v1/bills/download-pdf/${path}` }, FactusPdf],
      [{ method: "GET", path: `/v2/bills/${path}/download-pdf` }, FactusV2Pdf],
    );
  }

  /** `{ file_name, xml_base_64_encoded }`. */
  async downloadXml(number: string, options: RequestOptions = {}): Promise<Xml> {
    const path = segment(number);
    return onEither(
      this.http,
      this.versions,
      "bills.downloadXml",
      options,
      [{ method: "GET", path: `/v1/bills/download-xml/${path}` }, FactusXml],
      [{ method: "GET", path: `/v2/bills/${path}/download-xml` }, FactusV2Xml],
    );
  }

  /** Deletes a bill DIAN has not validated, by its reference code. Returns Factus' message. */
  async delete(referenceCode: string, options: RequestOptions = {}): Promise<string> {
    const reference = segment(referenceCode);
    return this.versions.run("bills.delete", options, {
      v1: () =>
        messageOf(
          this.http,
          { method: "DELETE", path: `/v1/bills/destroy/reference/${reference}` },
          FactusMessage,
          options,
        ),
      v2: () =>
        messageOf(
          this.http,
          { method: "DELETE", path: `/v2/bills/destroy/reference/${reference}` },
          FactusV2Message,
          options,
        ),
    });
  }

  /** E-mails the bill to `email`, optionally with a PDF of the caller's own. Returns Factus' message. */
  async sendEmail(
    number: string,
    input: z.input<typeof FactusSendEmailRequest>,
    options: RequestOptions = {},
  ): Promise<string> {
    const path = segment(number);
    return this.versions.run("bills.sendEmail", options, {
      v1: () => {
        const json = this.http.prepare(FactusSendEmailRequest, input, options);
        return messageOf(
          this.http,
          { method: "POST", path: `/v1/bills/send-email/${path}`, json },
          FactusMessage,
          options,
        );
      },
      v2: () => {
        const json = this.http.prepare(FactusV2SendEmailRequest, input, options);
        return messageOf(
          this.http,
          { method: "POST", path: `/v2/bills/${path}/send-email`, json },
          FactusV2Message,
          options,
        );
      },
    });
  }

  /** Subject and attached document of the bill's e-mail. */
  async emailContent(number: string, options: RequestOptions = {}): Promise<EmailContent> {
    const path = segment(number);
    return onEither(
      this.http,
      this.versions,
      "bills.emailContent",
      options,
      [{ method: "GET", path: `/v1/bills/${path}/email-content` }, FactusEmailContent],
      [{ method: "GET", path: `/v2/bills/${path}/email-content` }, FactusV2EmailContent],
    );
  }

  /** RADIAN events (030–034) registered on the bill. */
  async events(number: string, options: RequestOptions = {}): Promise<RadianEvents> {
    const path = segment(number);
    return onEither(
      this.http,
      this.versions,
      "bills.events",
      options,
      [{ method: "GET", path: `/v1/bills/${path}/radian/events` }, FactusRadianEvents],
      [{ method: "GET", path: `/v2/bills/${path}/radian/events` }, FactusV2RadianEvents],
    );
  }
}
