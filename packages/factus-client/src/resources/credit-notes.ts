import {
  FactusEmailContent,
  FactusPdf,
  FactusSendEmailRequest,
  FactusXml,
} from "@factus-edge/contracts/factus/bills";
import { FactusMessage } from "@factus-edge/contracts/factus/common";
import {
  FactusCreditNotePage,
  FactusCreditNoteRequest,
  FactusCreditNoteResponse,
} from "@factus-edge/contracts/factus/credit-notes";
import { FactusV2EmailContent, FactusV2Pdf, FactusV2Xml } from "@factus-edge/contracts/factus-v2/bills";
import {
  FactusV2CreditNoteRequest,
  type FactusV2CreditNoteRequestInput,
} from "@factus-edge/contracts/factus-v2/notes";
import type * as z from "zod";
import type { ApiVersions } from "../api-version";
import type { HttpCore } from "../core";
import {
  type ByVersion,
  tag,
  type V1CreditNoteDocument,
  type V1CreditNoteRow,
  V2NoteAnswer,
  type V2NoteData,
  type V2NoteDocument,
  V2NotePageAnswer,
  type V2NoteRow,
  type V2NoteRowData,
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

/**
 * Credit notes that correct validated bills, on `/v1/credit-notes` or `/v2/credit-notes` by the account's API
 * version; answers as for bills (`apiVersion`-tagged, `documentView()`).
 */
export class CreditNotesResource<V = undefined> {
  private readonly v2: V2DocumentRoutes<V2NoteData, V2NoteRowData>;

  constructor(
    private readonly http: HttpCore,
    private readonly versions: ApiVersions,
  ) {
    this.v2 = new V2DocumentRoutes(http, "/v2/credit-notes", V2NoteAnswer, V2NotePageAnswer, "reference");
  }

  /** Creates and validates a credit note from a **v1** request (`bill_id`); a v2 account refuses it (`createV2`). */
  async create(
    input: z.input<typeof FactusCreditNoteRequest>,
    options: RequestOptions = {},
  ): Promise<V1CreditNoteDocument> {
    const json = this.http.prepare(FactusCreditNoteRequest, input, options);
    const request = { method: "POST", path: "/v1/credit-notes/validate", json } as const;
    const send = async () => tag(await dataOf(this.http, request, FactusCreditNoteResponse, options), "v1");
    return this.versions.run(
      "creditNotes.create",
      options,
      { v1: send },
      "send a v2 request with creditNotes.createV2",
    );
  }

  /** Creates and validates a credit note from a **v2** request (`bill_number`, `payment_details`). Never retried. */
  async createV2(
    input: FactusV2CreditNoteRequestInput | z.output<typeof FactusV2CreditNoteRequest>,
    options: RequestOptions = {},
  ): Promise<V2NoteDocument> {
    const json = this.http.prepare(FactusV2CreditNoteRequest, input, options);
    const send = () => this.v2.create(json, options);
    return this.versions.run(
      "creditNotes.createV2",
      options,
      { v2: send },
      "send a v1 request with creditNotes.create",
    );
  }

  /** One page of credit notes, newest first; iterate the page with `for await` to walk all of them. */
  async list(
    params: DocumentListParams = {},
    options: RequestOptions = {},
  ): Promise<ByVersion<V, Page<V1CreditNoteRow>, Page<V2NoteRow>>> {
    const v2Only = usesV2OnlyFilters(params);
    const page = await this.versions.runTyped<Page<V1CreditNoteRow> | Page<V2NoteRow>>(
      "creditNotes.list",
      options,
      {
        v1: v2Only
          ? undefined
          : () => documentPage(this.http, "v1", "/v1/credit-notes", FactusCreditNotePage, params, options),
        v2: () => this.v2.page(params, options),
      },
      v2Only ? "per_page and created_at are v2 filters" : undefined,
    );
    return page as ByVersion<V, Page<V1CreditNoteRow>, Page<V2NoteRow>>;
  }

  /** One credit note in full, with the bill it corrects. */
  async get(
    number: string,
    options: RequestOptions = {},
  ): Promise<ByVersion<V, V1CreditNoteDocument, V2NoteDocument>> {
    const request = { method: "GET", path: `/v1/credit-notes/${segment(number)}` } as const;
    const v1 = async () => tag(await dataOf(this.http, request, FactusCreditNoteResponse, options), "v1");
    const note = await this.versions.runTyped<V1CreditNoteDocument | V2NoteDocument>(
      "creditNotes.get",
      options,
      { v1, v2: () => this.v2.get(number, options) },
    );
    return note as ByVersion<V, V1CreditNoteDocument, V2NoteDocument>;
  }

  /** `{ file_name, pdf_base_64_encoded }`. */
  async downloadPdf(number: string, options: RequestOptions = {}): Promise<Pdf> {
    const v1 = { method: "GET", path: `/v1/credit-notes/download-pdf/${segment(number)}` } as const;
    return onEither(
      this.http,
      this.versions,
      "creditNotes.downloadPdf",
      options,
      [v1, FactusPdf],
      [this.v2.at(number, "/download-pdf"), FactusV2Pdf],
    );
  }

  /** `{ file_name, xml_base_64_encoded }`. */
  async downloadXml(number: string, options: RequestOptions = {}): Promise<Xml> {
    const v1 = { method: "GET", path: `/v1/credit-notes/download-xml/${segment(number)}` } as const;
    return onEither(
      this.http,
      this.versions,
      "creditNotes.downloadXml",
      options,
      [v1, FactusXml],
      [this.v2.at(number, "/download-xml"), FactusV2Xml],
    );
  }

  /** E-mails the credit note to `email`, optionally with a PDF of the caller's own. Returns Factus' message. */
  async sendEmail(
    number: string,
    input: z.input<typeof FactusSendEmailRequest>,
    options: RequestOptions = {},
  ): Promise<string> {
    return this.versions.run("creditNotes.sendEmail", options, {
      v1: () => {
        const json = this.http.prepare(FactusSendEmailRequest, input, options);
        const path = `/v1/credit-notes/send-email/${segment(number)}`;
        return messageOf(this.http, { method: "POST", path, json }, FactusMessage, options);
      },
      v2: () => this.v2.sendEmail(number, input, options),
    });
  }

  /** Subject and attached document of the credit note's e-mail. */
  async emailContent(number: string, options: RequestOptions = {}): Promise<EmailContent> {
    const v1 = { method: "GET", path: `/v1/credit-notes/${segment(number)}/email-content` } as const;
    return onEither(
      this.http,
      this.versions,
      "creditNotes.emailContent",
      options,
      [v1, FactusEmailContent],
      [this.v2.at(number, "/email-content"), FactusV2EmailContent],
    );
  }

  /** Deletes a credit note DIAN has not validated, by its reference code. Returns Factus' message. */
  async delete(referenceCode: string, options: RequestOptions = {}): Promise<string> {
    const path = `/v1/credit-notes/reference/${segment(referenceCode)}`;
    return this.versions.run("creditNotes.delete", options, {
      v1: () => messageOf(this.http, { method: "DELETE", path }, FactusMessage, options),
      v2: () => this.v2.delete(referenceCode, options),
    });
  }
}
