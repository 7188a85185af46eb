import {
  FactusCreditNotePage,
  FactusCreditNoteRequest,
  FactusCreditNoteResponse,
  FactusEmailContent,
  FactusMessage,
  FactusPdf,
  FactusSendEmailRequest,
  FactusXml,
} from "@factus-edge/contracts";
import type * as z from "zod";
import type { HttpCore } from "../core";
import type { RequestOptions } from "../options";
import { Page } from "../pagination";
import { type BillFilters, filterQuery, segment } from "./bills";

type CreditNoteSummary = z.output<typeof FactusCreditNotePage>["data"]["data"][number];

/** `/v1/credit-notes`: credit notes that correct validated bills. */
export class CreditNotesResource {
  constructor(private readonly http: HttpCore) {}

  /** Creates and validates a credit note. Never retried, like a bill. */
  async create(input: z.input<typeof FactusCreditNoteRequest>, options: RequestOptions = {}) {
    const json = this.http.prepare(FactusCreditNoteRequest, input, options);
    const path = "/v1/credit-notes/validate";
    return (await this.http.request({ method: "POST", path, json }, FactusCreditNoteResponse, options)).data;
  }

  /** One page of credit notes, newest first; iterate the page with `for await` to walk all of them. */
  async list(
    params: BillFilters & { page?: number } = {},
    options: RequestOptions = {},
  ): Promise<Page<CreditNoteSummary>> {
    const { page = 1, ...filters } = params;
    const response = await this.http.request(
      { method: "GET", path: "/v1/credit-notes", query: { ...filterQuery(filters), page } },
      FactusCreditNotePage,
      options,
    );
    return new Page(response.data.data, response.data.pagination, (next) =>
      this.list({ ...params, page: next }, options),
    );
  }

  /** One credit note in full, with the bill it corrects. */
  async get(number: string, options: RequestOptions = {}) {
    const path = `/v1/credit-notes/${segment(number)}`;
    return (await this.http.request({ method: "GET", path }, FactusCreditNoteResponse, options)).data;
  }

  /** `{ file_name, pdf_base_64_encoded }`. */
  async downloadPdf(number: string, options: RequestOptions = {}) {
    const path = `/v1/credit-notes/download-pdf/${segment(number)}`;
    return (await this.http.request({ method: "GET", path }, FactusPdf, options)).data;
  }

  /** `{ file_name, xml_base_64_encoded }`. */
  async downloadXml(number: string, options: RequestOptions = {}) {
    const path = `/v1/credit-notes/download-xml/${segment(number)}`;
    return (await this.http.request({ method: "GET", path }, FactusXml, options)).data;
  }

  /** E-mails the credit note to `email`, optionally with a PDF of the caller's own. Returns Factus' message. */
  async sendEmail(
    number: string,
    input: z.input<typeof FactusSendEmailRequest>,
    options: RequestOptions = {},
  ) {
    const json = this.http.prepare(FactusSendEmailRequest, input, options);
    const path = `/v1/credit-notes/send-email/${segment(number)}`;
    return (await this.http.request({ method: "POST", path, json }, FactusMessage, options)).message;
  }

  /** Subject and attached document of the credit note's e-mail. */
  async emailContent(number: string, options: RequestOptions = {}) {
    const path = `/v1/credit-notes/${segment(number)}/email-content`;
    return (await this.http.request({ method: "GET", path }, FactusEmailContent, options)).data;
  }

  /** Deletes a credit note DIAN has not validated, by its reference code. Returns Factus' message. */
  async delete(referenceCode: string, options: RequestOptions = {}) {
    const path = `/v1/credit-notes/reference/${segment(referenceCode)}`;
    return (await this.http.request({ method: "DELETE", path }, FactusMessage, options)).message;
  }
}
