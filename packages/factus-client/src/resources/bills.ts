import { FactusBillRequest } from "@factus-edge/contracts/factus/bill-request";
import {
  FactusBillPage,
  FactusBillResponse,
  FactusEmailContent,
  FactusPdf,
  FactusRadianEventRequest,
  FactusRadianEvents,
  FactusSendEmailRequest,
  FactusXml,
} from "@factus-edge/contracts/factus/bills";
import { FactusMessage } from "@factus-edge/contracts/factus/common";
import {
  FactusV2BillRequest,
  type FactusV2BillRequestInput,
  FactusV2EmailContent,
  FactusV2Pdf,
  FactusV2RadianEventRequest,
  FactusV2RadianEvents,
  FactusV2Xml,
} from "@factus-edge/contracts/factus-v2/bills";
import type * as z from "zod";
import type { ApiVersions } from "../api-version";
import type { HttpCore } from "../core";
import {
  type ByVersion,
  tag,
  type V1BillDocument,
  type V1BillRow,
  V2BillAnswer,
  type V2BillData,
  type V2BillDocument,
  V2BillPageAnswer,
  type V2BillRow,
  type V2BillRowData,
} from "../documents";
import type { RequestOptions } from "../options";
import type { Page } from "../pagination";
import {
  type DocumentListParams,
  documentPage,
  usesV2OnlyFilters,
  V2DocumentRoutes,
} from "./document-routes";
import { dataOf, messageOf, onEither, segment } from "./shared";

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
  private readonly v2: V2DocumentRoutes<V2BillData, V2BillRowData>;

  constructor(
    private readonly http: HttpCore,
    private readonly versions: ApiVersions,
  ) {
    this.v2 = new V2DocumentRoutes(http, "/v2/bills", V2BillAnswer, V2BillPageAnswer, "destroy/reference");
  }

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
    const request = { method: "POST", path: "/v1/bills/validate", json } as const;
    const send = async () => tag(await dataOf(this.http, request, FactusBillResponse, options), "v1");
    return this.versions.run("bills.create", options, { v1: send }, "send a v2 request with bills.createV2");
  }

  /**
   * Creates and validates a bill from a **v2** request (`POST /v2/bills/validate`: DIAN codes, net prices,
   * `payment_details`); a v1 account refuses it with FactusVersionError. Never retried, like `create`. A document
   * DIAN rejected or has not answered for yet may come back with `is_validated: false` (see `documentView()`).
   */
  async createV2(
    input: FactusV2BillRequestInput | FactusV2BillRequest,
    options: RequestOptions = {},
  ): Promise<V2BillDocument> {
    const json = this.http.prepare(FactusV2BillRequest, input, options);
    const send = () => this.v2.create(json, options);
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
    const page = await this.versions.runTyped<Page<V1BillRow> | Page<V2BillRow>>(
      "bills.list",
      options,
      {
        v1: v2Only
          ? undefined
          : () => documentPage(this.http, "v1", "/v1/bills", FactusBillPage, params, options),
        v2: () => this.v2.page(params, options),
      },
      v2Only ? "per_page and created_at are v2 filters" : undefined,
    );
    return page as ByVersion<V, Page<V1BillRow>, Page<V2BillRow>>;
  }

  /** One bill in full (`GET /v1/bills/show/{number}` or `GET /v2/bills/{number}`). */
  async get(
    number: string,
    options: RequestOptions = {},
  ): Promise<ByVersion<V, V1BillDocument, V2BillDocument>> {
    const request = { method: "GET", path: `/v1/bills/show/${segment(number)}` } as const;
    const v1 = async () => tag(await dataOf(this.http, request, FactusBillResponse, options), "v1");
    const v2 = () => this.v2.get(number, options);
    const bill = await this.versions.runTyped<V1BillDocument | V2BillDocument>("bills.get", options, {
      v1,
      v2: v2,
    });
    return bill as ByVersion<V, V1BillDocument, V2BillDocument>;
  }

  /** `{ file_name, pdf_base_64_encoded }`. */
  async downloadPdf(number: string, options: RequestOptions = {}): Promise<Pdf> {
    const v1 = { method: "GET", path: `/v1/bills/download-pdf/${segment(number)}` } as const;
    return onEither(
      this.http,
      this.versions,
      "bills.downloadPdf",
      options,
      [v1, FactusPdf],
      [this.v2.at(number, "/download-pdf"), FactusV2Pdf],
    );
  }

  /** `{ file_name, xml_base_64_encoded }`. */
  async downloadXml(number: string, options: RequestOptions = {}): Promise<Xml> {
    const v1 = { method: "GET", path: `/v1/bills/download-xml/${segment(number)}` } as const;
    return onEither(
      this.http,
      this.versions,
      "bills.downloadXml",
      options,
      [v1, FactusXml],
      [this.v2.at(number, "/download-xml"), FactusV2Xml],
    );
  }

  /** Deletes a bill DIAN has not validated, by its reference code. Returns Factus' message. */
  async delete(referenceCode: string, options: RequestOptions = {}): Promise<string> {
    const path = `/v1/bills/destroy/reference/${segment(referenceCode)}`;
    return this.versions.run("bills.delete", options, {
      v1: () => messageOf(this.http, { method: "DELETE", path }, FactusMessage, options),
      v2: () => this.v2.delete(referenceCode, options),
    });
  }

  /** E-mails the bill to `email`, optionally with a PDF of the caller's own. Returns Factus' message. */
  async sendEmail(
    number: string,
    input: z.input<typeof FactusSendEmailRequest>,
    options: RequestOptions = {},
  ): Promise<string> {
    return this.versions.run("bills.sendEmail", options, {
      v1: () => {
        const json = this.http.prepare(FactusSendEmailRequest, input, options);
        const path = `/v1/bills/send-email/${segment(number)}`;
        return messageOf(this.http, { method: "POST", path, json }, FactusMessage, options);
      },
      v2: () => this.v2.sendEmail(number, input, options),
    });
  }

  /** Subject and attached document of the bill's e-mail. */
  async emailContent(number: string, options: RequestOptions = {}): Promise<EmailContent> {
    const v1 = { method: "GET", path: `/v1/bills/${segment(number)}/email-content` } as const;
    return onEither(
      this.http,
      this.versions,
      "bills.emailContent",
      options,
      [v1, FactusEmailContent],
      [this.v2.at(number, "/email-content"), FactusV2EmailContent],
    );
  }

  /** RADIAN events (030–034) registered on the bill. */
  async events(number: string, options: RequestOptions = {}): Promise<RadianEvents> {
    const v1 = { method: "GET", path: `/v1/bills/${segment(number)}/radian/events` } as const;
    return onEither(
      this.http,
      this.versions,
      "bills.events",
      options,
      [v1, FactusRadianEvents],
      [this.v2.at(number, "/radian/events"), FactusV2RadianEvents],
    );
  }

  /**
   * Emits a RADIAN event on the bill: the issuer's tacit acceptance (034), once the buyer received it and the goods
   * and stayed silent. Answers the bill's events. Never retried: DIAN records an event once.
   */
  async emitEvent(
    number: string,
    eventCode: string,
    input: z.input<typeof FactusRadianEventRequest>,
    options: RequestOptions = {},
  ): Promise<RadianEvents> {
    return this.versions.run<RadianEvents>("bills.emitEvent", options, {
      v1: () => {
        const json = this.http.prepare(FactusRadianEventRequest, input, options);
        const path = `/v1/bills/radian/events/update/${segment(number)}/${segment(eventCode)}`;
        return dataOf(this.http, { method: "POST", path, json }, FactusRadianEvents, options);
      },
      v2: () => {
        const json = this.http.prepare(FactusV2RadianEventRequest, input, options);
        const path = `/v2/bills/${segment(number)}/radian/events/${segment(eventCode)}`;
        return dataOf(this.http, { method: "POST", path, json }, FactusV2RadianEvents, options);
      },
    });
  }
}
