import { FactusPdf, FactusXml } from "@factus-edge/contracts/factus/bills";
import { FactusMessage } from "@factus-edge/contracts/factus/common";
import {
  FactusAdjustmentNotePage,
  FactusAdjustmentNoteRequest,
  FactusAdjustmentNoteResponse,
  FactusSupportDocumentPage,
  FactusSupportDocumentRequest,
  FactusSupportDocumentResponse,
} from "@factus-edge/contracts/factus/support-documents";
import { FactusV2Pdf, FactusV2Xml } from "@factus-edge/contracts/factus-v2/bills";
import {
  FactusV2AdjustmentNoteRequest,
  FactusV2SupportDocumentRequest,
} from "@factus-edge/contracts/factus-v2/support-documents";
import type * as z from "zod";
import type { ApiVersions } from "../api-version";
import type { HttpCore } from "../core";
import { type ByVersion, tag } from "../documents";
import type { RequestOptions } from "../options";
import type { Page } from "../pagination";
import {
  type V1AdjustmentNote,
  type V1AdjustmentNoteRow,
  type V1SupportDocument,
  type V1SupportDocumentRow,
  type V2AdjustmentNote,
  V2AdjustmentNoteAnswer,
  type V2SupportDocument,
  V2SupportDocumentAnswer,
  V2SupportPageAnswer,
  type V2SupportRow,
} from "../support-documents";
import {
  type DocumentListParams,
  documentPage,
  usesV2OnlyFilters,
  V2DocumentRoutes,
} from "./document-routes";
import { dataOf, messageOf, onEither, segment } from "./shared";

type Pdf = z.output<typeof FactusPdf>["data"];
type Xml = z.output<typeof FactusXml>["data"];
type Envelope<T> = z.ZodType<{ data: T }>;

/** What tells `/v1/support-documents` from `/v1/adjustment-notes` (and their v2 twins). */
interface Kind<V1Doc, V1Row> {
  name: "supportDocuments" | "adjustmentNotes";
  v1: "/v1/support-documents" | "/v1/adjustment-notes";
  v2: "/v2/support-documents" | "/v2/adjustment-notes";
  v1Answer: Envelope<Omit<V1Doc, "apiVersion">>;
  v1Page: Envelope<{
    data: Omit<V1Row, "apiVersion">[];
    pagination: z.output<typeof FactusSupportDocumentPage>["data"]["pagination"];
  }>;
}

/**
 * The reads and deletes support documents and adjustment notes share, on `/v1/<kind>` (the v1 credit notes' paths)
 * or `/v2/<kind>` (v2's document paths) by the account's API version. Neither kind is e-mailed: the company is the
 * buyer.
 */
class SupportKindResource<V, V1Doc extends { apiVersion: "v1" }, V2Doc extends object, V1Row extends object> {
  protected readonly v2: V2DocumentRoutes<Omit<V2Doc, "apiVersion">, Omit<V2SupportRow, "apiVersion">>;

  constructor(
    protected readonly http: HttpCore,
    protected readonly versions: ApiVersions,
    protected readonly kind: Kind<V1Doc, V1Row>,
    v2Answer: Envelope<Omit<V2Doc, "apiVersion">>,
  ) {
    this.v2 = new V2DocumentRoutes(http, kind.v2, v2Answer, V2SupportPageAnswer, "reference");
  }

  protected async createV1(json: unknown, options: RequestOptions, hint: string): Promise<V1Doc> {
    const request = { method: "POST", path: `${this.kind.v1}/validate`, json } as const;
    const send = async () =>
      tag(await dataOf(this.http, request, this.kind.v1Answer, options), "v1") as V1Doc;
    return this.versions.run(`${this.kind.name}.create`, options, { v1: send }, hint);
  }

  protected createOnV2(json: unknown, options: RequestOptions, hint: string): Promise<V2Doc> {
    const send = async () => (await this.v2.create(json, options)) as unknown as V2Doc;
    return this.versions.run(`${this.kind.name}.createV2`, options, { v2: send }, hint);
  }

  /** One page, newest first; iterate the page with `for await` to walk all of them. */
  async list(
    params: DocumentListParams = {},
    options: RequestOptions = {},
  ): Promise<ByVersion<V, Page<V1Row>, Page<V2SupportRow>>> {
    const v2Only = usesV2OnlyFilters(params);
    const page = await this.versions.runTyped<Page<V1Row> | Page<V2SupportRow>>(
      `${this.kind.name}.list`,
      options,
      {
        v1: v2Only
          ? undefined
          : async () =>
              (await documentPage(
                this.http,
                "v1",
                this.kind.v1,
                this.kind.v1Page,
                params,
                options,
              )) as Page<V1Row>,
        v2: async () => (await this.v2.page(params, options)) as Page<V2SupportRow>,
      },
      v2Only ? "per_page and created_at are v2 filters" : undefined,
    );
    return page as ByVersion<V, Page<V1Row>, Page<V2SupportRow>>;
  }

  /** One document in full, by number. */
  async get(number: string, options: RequestOptions = {}): Promise<ByVersion<V, V1Doc, V2Doc>> {
    const request = { method: "GET", path: `${this.kind.v1}/${segment(number)}` } as const;
    const v1 = async () => tag(await dataOf(this.http, request, this.kind.v1Answer, options), "v1") as V1Doc;
    const v2 = async () => (await this.v2.get(number, options)) as unknown as V2Doc;
    const document = await this.versions.runTyped<V1Doc | V2Doc>(`${this.kind.name}.get`, options, {
      v1,
      v2,
    });
    return document as ByVersion<V, V1Doc, V2Doc>;
  }

  /** `{ file_name, pdf_base_64_encoded }`. */
  async downloadPdf(number: string, options: RequestOptions = {}): Promise<Pdf> {
    const v1 = { method: "GET", path: `${this.kind.v1}/download-pdf/${segment(number)}` } as const;
    return onEither(
      this.http,
      this.versions,
      `${this.kind.name}.downloadPdf`,
      options,
      [v1, FactusPdf],
      [this.v2.at(number, "/download-pdf"), FactusV2Pdf],
    );
  }

  /** `{ file_name, xml_base_64_encoded }`. */
  async downloadXml(number: string, options: RequestOptions = {}): Promise<Xml> {
    const v1 = { method: "GET", path: `${this.kind.v1}/download-xml/${segment(number)}` } as const;
    return onEither(
      this.http,
      this.versions,
      `${this.kind.name}.downloadXml`,
      options,
      [v1, FactusXml],
      [this.v2.at(number, "/download-xml"), FactusV2Xml],
    );
  }

  /** Deletes one DIAN has not validated, by its reference code. Returns Factus' message. */
  async delete(referenceCode: string, options: RequestOptions = {}): Promise<string> {
    const path = `${this.kind.v1}/reference/${segment(referenceCode)}`;
    return this.versions.run(`${this.kind.name}.delete`, options, {
      v1: () => messageOf(this.http, { method: "DELETE", path }, FactusMessage, options),
      v2: () => this.v2.delete(referenceCode, options),
    });
  }
}

/**
 * Support documents (purchases from sellers who do not invoice; the seller is the `provider`), on
 * `/v1/support-documents` or `/v2/support-documents` by the account's API version; answers `apiVersion`-tagged.
 */
export class SupportDocumentsResource<V = undefined> extends SupportKindResource<
  V,
  V1SupportDocument,
  V2SupportDocument,
  V1SupportDocumentRow
> {
  constructor(http: HttpCore, versions: ApiVersions) {
    super(
      http,
      versions,
      {
        name: "supportDocuments",
        v1: "/v1/support-documents",
        v2: "/v2/support-documents",
        v1Answer: FactusSupportDocumentResponse,
        v1Page: FactusSupportDocumentPage,
      },
      V2SupportDocumentAnswer,
    );
  }

  /** Creates and validates a support document from a **v1** request; a v2 account refuses it (`createV2`). */
  async create(
    input: z.input<typeof FactusSupportDocumentRequest>,
    options: RequestOptions = {},
  ): Promise<V1SupportDocument> {
    const json = this.http.prepare(FactusSupportDocumentRequest, input, options);
    return this.createV1(json, options, "send a v2 request with supportDocuments.createV2");
  }

  /** Creates and validates a support document from a **v2** request (`payment_details`, codes). Never retried. */
  async createV2(
    input: z.input<typeof FactusV2SupportDocumentRequest>,
    options: RequestOptions = {},
  ): Promise<V2SupportDocument> {
    const json = this.http.prepare(FactusV2SupportDocumentRequest, input, options);
    return this.createOnV2(json, options, "send a v1 request with supportDocuments.create");
  }
}

/**
 * Adjustment notes that correct validated support documents, on `/v1/adjustment-notes` (the support document by its
 * Factus id, `support_document_id`) or `/v2/adjustment-notes` (by number, `support_document_number`).
 */
export class AdjustmentNotesResource<V = undefined> extends SupportKindResource<
  V,
  V1AdjustmentNote,
  V2AdjustmentNote,
  V1AdjustmentNoteRow
> {
  constructor(http: HttpCore, versions: ApiVersions) {
    super(
      http,
      versions,
      {
        name: "adjustmentNotes",
        v1: "/v1/adjustment-notes",
        v2: "/v2/adjustment-notes",
        v1Answer: FactusAdjustmentNoteResponse,
        v1Page: FactusAdjustmentNotePage,
      },
      V2AdjustmentNoteAnswer,
    );
  }

  /** Creates and validates an adjustment note from a **v1** request (`support_document_id`). */
  async create(
    input: z.input<typeof FactusAdjustmentNoteRequest>,
    options: RequestOptions = {},
  ): Promise<V1AdjustmentNote> {
    const json = this.http.prepare(FactusAdjustmentNoteRequest, input, options);
    return this.createV1(json, options, "send a v2 request with adjustmentNotes.createV2");
  }

  /** Creates and validates an adjustment note from a **v2** request (`support_document_number`). Never retried. */
  async createV2(
    input: z.input<typeof FactusV2AdjustmentNoteRequest>,
    options: RequestOptions = {},
  ): Promise<V2AdjustmentNote> {
    const json = this.http.prepare(FactusV2AdjustmentNoteRequest, input, options);
    return this.createOnV2(json, options, "send a v1 request with adjustmentNotes.create");
  }
}
