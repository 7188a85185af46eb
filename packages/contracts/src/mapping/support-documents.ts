import type * as z from "zod";
import type {
  FactusAdjustmentNoteRequestInput,
  FactusSupportDocumentRequestInput,
} from "../factus/support-documents";
import type {
  FactusV2AdjustmentNoteRequest,
  FactusV2SupportDocumentRequest,
} from "../factus-v2/support-documents";
import type { InvoiceItem } from "../schemas/invoice-fields";
import type {
  CreateAdjustmentNoteRequest,
  CreateSupportDocumentRequest,
  SupportDocumentItem,
} from "../schemas/support-documents";
import { computeInvoiceTotals, type FactusVersion, upstreamPricing } from "../totals";
import type { FactusV2Mapping as DocumentMapping } from "./to-factus-v2";
import { identityCode, municipalityCode, Refusals, v2Item } from "./v2-parts";

// A public support document (or adjustment note) → the body of the company's Factus version, with the totals that
// version will issue. A line is an invoice line whose only tax is IVA (excluded at 0 %), so both versions' money is the
// invoices' (computeInvoiceTotals), never a third arithmetic.

/** A support line as the invoice line the money functions read: IVA (tribute 1), excluded when its rate is 0. */
export const asInvoiceItem = (item: SupportDocumentItem): InvoiceItem => ({
  ...item,
  tax_rate: item.tax_rate,
  is_excluded: item.tax_rate === 0 ? 1 : 0,
  tribute_id: 1,
});

/** What a support document or adjustment note will total on this Factus version. */
export const supportTotals = (document: CreateSupportDocumentRequest, upstream: FactusVersion) =>
  computeInvoiceTotals({ ...document, items: document.items.map(asInvoiceItem) }, { upstream });

type V1Body = FactusSupportDocumentRequestInput;

/** `POST /v1/support-documents/validate`'s body. v1 lines carry no tax: an IVA rate is refused, never dropped. */
export function toFactusV1SupportDocument(document: CreateSupportDocumentRequest): DocumentMapping<V1Body> {
  const refusals = new Refusals();
  document.items.forEach((item, index) => {
    if (item.tax_rate !== 0)
      refusals.add(
        ["items", index, "tax_rate"],
        "Factus v1 no lleva IVA en un documento soporte (toda línea va excluida): use 0, o una cuenta Factus v2",
      );
  });
  if (refusals.issues.length > 0) return { ok: false, issues: refusals.issues };
  const { provider } = document;
  const body: V1Body = {
    reference_code: document.reference_code,
    ...(document.numbering_range_id !== undefined && { numbering_range_id: document.numbering_range_id }),
    payment_method_code: document.payment_method_code,
    ...(document.observation !== undefined && { observation: document.observation }),
    provider: {
      identification_document_id: provider.identification_document_id,
      identification: provider.identification,
      ...(provider.dv !== undefined && { dv: provider.dv }),
      ...(provider.trade_name !== undefined && { trade_name: provider.trade_name }),
      names: provider.names,
      address: provider.address,
      ...(provider.email !== undefined && { email: provider.email }),
      ...(provider.phone !== undefined && { phone: provider.phone }),
      is_resident: provider.is_resident,
      country_code: provider.country_code,
      ...(provider.municipality_id !== undefined && { municipality_id: provider.municipality_id }),
    },
    items: document.items.map(({ tax_rate: _excluded, ...item }) => item),
  };
  return { ok: true, body, totals: supportTotals(document, "v1") };
}

type V2Body = z.input<typeof FactusV2SupportDocumentRequest>;

/** `POST /v2/support-documents/validate`'s body: codes for ids, net prices, IVA as `taxes`, paid in one entry. */
export function toFactusV2SupportDocument(document: CreateSupportDocumentRequest): DocumentMapping<V2Body> {
  const refusals = new Refusals();
  const lines = document.items.map(asInvoiceItem);
  const pricing = upstreamPricing({ ...document, items: lines }, { upstream: "v2" });
  const items = lines.map((item, index) => v2Item(item, pricing[index], index, refusals));
  const { provider } = document;
  const municipality =
    provider.municipality_id === undefined
      ? undefined
      : municipalityCode(provider.municipality_id, ["provider", "municipality_id"], refusals);
  if (refusals.issues.length > 0) return { ok: false, issues: refusals.issues };
  const totals = supportTotals(document, "v2");
  const body: V2Body = {
    reference_code: document.reference_code,
    ...(document.numbering_range_id !== undefined && { numbering_range_id: document.numbering_range_id }),
    ...(document.observation !== undefined && { observation: document.observation }),
    payment_details: [
      { payment_form: "1", payment_method_code: document.payment_method_code, amount: totals.bill.total },
    ],
    provider: {
      identification_document_code: identityCode(provider.identification_document_id),
      identification: provider.identification,
      ...(provider.dv !== undefined && { dv: provider.dv }),
      ...(provider.trade_name !== undefined && { trade_name: provider.trade_name }),
      names: provider.names,
      address: provider.address,
      country_code: provider.country_code,
      ...(municipality !== undefined && { municipality_code: municipality }),
      ...(provider.email !== undefined && { email: provider.email }),
      ...(provider.phone !== undefined && { phone: provider.phone }),
    },
    items: items as V2Body["items"],
  };
  return { ok: true, body, totals };
}

/** v1's adjustment note: the support document's body, naming it by its Factus id. */
export function toFactusV1AdjustmentNote(
  note: CreateAdjustmentNoteRequest,
  supportDocumentId: number,
): DocumentMapping<FactusAdjustmentNoteRequestInput> {
  const mapped = toFactusV1SupportDocument(note);
  if (!mapped.ok) return mapped;
  const body = {
    ...mapped.body,
    support_document_id: supportDocumentId,
    correction_concept_code: note.correction_concept_code,
  };
  return { ok: true, body, totals: mapped.totals };
}

/** v2's adjustment note: the support document's body, naming it by its number. */
export function toFactusV2AdjustmentNote(
  note: CreateAdjustmentNoteRequest,
): DocumentMapping<z.input<typeof FactusV2AdjustmentNoteRequest>> {
  const mapped = toFactusV2SupportDocument(note);
  if (!mapped.ok) return mapped;
  const body = {
    ...mapped.body,
    support_document_number: note.support_document_number,
    correction_concept_code: note.correction_concept_code,
  };
  return { ok: true, body, totals: mapped.totals };
}
