import {
  FactusV2EmailContent,
  FactusV2Pdf,
  type FactusV2SendEmailRequest,
  FactusV2Xml,
} from "@factus-edge/contracts/factus-v2/bills";
import {
  FactusV2DebitNoteRequest,
  type FactusV2DebitNoteRequestInput,
} from "@factus-edge/contracts/factus-v2/notes";
import type * as z from "zod";
import type { ApiVersions } from "../api-version";
import type { HttpCore } from "../core";
import {
  V2NoteAnswer,
  type V2NoteData,
  type V2NoteDocument,
  V2NotePageAnswer,
  type V2NoteRow,
  type V2NoteRowData,
} from "../documents";
import type { RequestOptions } from "../options";
import type { Page } from "../pagination";
import { type DocumentListParams, V2DocumentRoutes } from "./document-routes";
import { dataOf } from "./shared";

const V1_HAS_NONE = "Factus v1 has no debit notes";

/**
 * Debit notes (`/v2/debit-notes`), which raise what a validated bill charged. Factus v2 only: on a v1 account every
 * method throws FactusVersionError.
 */
export class DebitNotesResource {
  private readonly routes: V2DocumentRoutes<V2NoteData, V2NoteRowData>;

  constructor(
    private readonly http: HttpCore,
    private readonly versions: ApiVersions,
  ) {
    this.routes = new V2DocumentRoutes(http, "/v2/debit-notes", V2NoteAnswer, V2NotePageAnswer, "reference");
  }

  private v2<T>(operation: string, options: RequestOptions, send: () => Promise<T>): Promise<T> {
    return this.versions.run(`debitNotes.${operation}`, options, { v2: send }, V1_HAS_NONE);
  }

  /** Creates and validates a debit note (`POST /v2/debit-notes/validate`). Never retried, like a bill. */
  async create(
    input: FactusV2DebitNoteRequestInput | z.output<typeof FactusV2DebitNoteRequest>,
    options: RequestOptions = {},
  ): Promise<V2NoteDocument> {
    const json = this.http.prepare(FactusV2DebitNoteRequest, input, options);
    return this.v2("create", options, () => this.routes.create(json, options));
  }

  /** One page of debit notes, newest first; iterate the page with `for await` to walk all of them. */
  async list(params: DocumentListParams = {}, options: RequestOptions = {}): Promise<Page<V2NoteRow>> {
    return this.v2("list", options, () => this.routes.page(params, options));
  }

  /** One debit note in full. */
  async get(number: string, options: RequestOptions = {}): Promise<V2NoteDocument> {
    return this.v2("get", options, () => this.routes.get(number, options));
  }

  /** `{ file_name, pdf_base_64_encoded }`. */
  async downloadPdf(number: string, options: RequestOptions = {}) {
    return this.v2("downloadPdf", options, () =>
      dataOf(this.http, this.routes.at(number, "/download-pdf"), FactusV2Pdf, options),
    );
  }

  /** `{ file_name, xml_base_64_encoded }`. */
  async downloadXml(number: string, options: RequestOptions = {}) {
    return this.v2("downloadXml", options, () =>
      dataOf(this.http, this.routes.at(number, "/download-xml"), FactusV2Xml, options),
    );
  }

  /** E-mails the debit note to `email`, optionally with a PDF of the caller's own. Returns Factus' message. */
  async sendEmail(
    number: string,
    input: z.input<typeof FactusV2SendEmailRequest>,
    options: RequestOptions = {},
  ) {
    return this.v2("sendEmail", options, () => this.routes.sendEmail(number, input, options));
  }

  /** Subject and attached document of the debit note's e-mail. */
  async emailContent(number: string, options: RequestOptions = {}) {
    return this.v2("emailContent", options, () =>
      dataOf(this.http, this.routes.at(number, "/email-content"), FactusV2EmailContent, options),
    );
  }

  /** Deletes a debit note DIAN has not validated, by its reference code. Returns Factus' message. */
  async delete(referenceCode: string, options: RequestOptions = {}): Promise<string> {
    return this.v2("delete", options, () => this.routes.delete(referenceCode, options));
  }
}
