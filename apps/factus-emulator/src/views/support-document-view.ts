import {
  type FactusAdjustmentNoteRequest,
  type FactusSupportDocumentRequest,
  type FactusSupportProvider,
  factusDateTime,
  IDENTITY_DOCUMENTS,
  type InvoiceTotals,
  MEASUREMENT_UNITS,
  municipalityById,
  nameOfCode,
  PAYMENT_METHODS,
  STANDARD_CODES,
} from "@factus-edge/contracts";
import { V2_ADJUSTMENT_NOTE_CORRECTIONS } from "@factus-edge/contracts/factus-v2";
import { COUNTRIES } from "../catalogs/countries";
import { DIAN_QR_BASE } from "../documents/cufe";
import type { PrintableDocument } from "../documents/printable";
import type { Account } from "../services/account";
import type { Company } from "../services/company";
import { errorTexts } from "../services/issue-document";
import type { DocumentRow, RangeRow } from "../store/rows";
import { documentRangeView } from "./bill-view";
import { money, moneyNumber } from "./format";
import { companyView, withholdingsOf, withholdingTotals } from "./parties";
import { printableHead } from "./printable-view";

// Factus v1's answers for support documents (documentos-soporte/crear-validar, ver, ver-y-filtrar, as published) and
// their adjustment notes (unpublished in v1: the support document's shape, `adjustment_note` for `support_document`).

type SupportRequest = FactusSupportDocumentRequest | FactusAdjustmentNoteRequest;

/** A stored support document or adjustment note, with the document it corrects (an adjustment note's). */
export interface StoredSupport {
  row: DocumentRow;
  request: SupportRequest;
  totals: InvoiceTotals;
  range: RangeRow | undefined;
  corrects: DocumentRow | undefined;
}

export const readSupport = (account: Account, row: DocumentRow): StoredSupport => ({
  row,
  request: JSON.parse(row.request),
  totals: JSON.parse(row.totals),
  range: account.store.range(row.range_id),
  corrects: row.bill_id ? account.store.documentById(row.bill_id) : undefined,
});

const providerName = (provider: FactusSupportProvider) => provider.trade_name || provider.names;

/**
 * The provider as answered. The request has no legal organization or tribute: the published answer shows a NIT
 * provider as "Persona Natural" (2) with tribute ZZ (21), which the emulator answers for every provider.
 */
export function providerView(provider: FactusSupportProvider) {
  const document = IDENTITY_DOCUMENTS.find((entry) => entry.id === provider.identification_document_id);
  const country = COUNTRIES.find((entry) => entry.code === provider.country_code);
  const municipality = provider.municipality_id ? municipalityById(provider.municipality_id) : undefined;
  return {
    identification: provider.identification,
    dv: provider.dv ?? null,
    graphic_representation_name: providerName(provider),
    trade_name: provider.trade_name ?? null,
    names: provider.names,
    address: provider.address,
    email: provider.email ?? null,
    phone: provider.phone ?? null,
    identification_document: document ? { id: document.id, code: document.code, name: document.name } : null,
    legal_organization: { id: 2, code: "2", name: "Persona Natural" },
    tribute: { id: 21, code: "ZZ", name: "No aplica" },
    country: country ? { id: country.id, code: country.code, name: country.name } : null,
    municipality: municipality
      ? { id: municipality.id, code: municipality.dane_code, name: municipality.name }
      : null,
  };
}

/** The items as answered: v1's figures of an excluded item, their withholdings, `total` a number. */
export function supportItemsView(stored: Pick<StoredSupport, "request" | "totals">) {
  return stored.request.items.map((item, index) => {
    const figures = stored.totals.items[index]!;
    const unit = MEASUREMENT_UNITS.find((entry) => entry.id === item.unit_measure_id);
    const standard = STANDARD_CODES.find((entry) => entry.id === item.standard_code_id)!;
    return {
      code_reference: item.code_reference,
      name: item.name,
      quantity: item.quantity,
      discount_rate: money(item.discount_rate),
      discount: figures.discount,
      gross_value: figures.gross_value,
      tax_rate: "0.00",
      taxable_amount: figures.taxable_amount,
      tax_amount: figures.tax_amount,
      price: money(item.price),
      is_excluded: 1,
      unit_measure: {
        id: item.unit_measure_id,
        code: unit?.code ?? String(item.unit_measure_id),
        name: unit?.name ?? `unidad de medida ${item.unit_measure_id}`,
      },
      standard_code: { id: standard.id, code: standard.code, name: standard.name },
      total: moneyNumber(figures.total),
      withholding_taxes: withholdingsOf(item, figures),
    };
  });
}

/**
 * The record both kinds share (`support_document` / `adjustment_note`). A show adds `discount_rate` and `discount`
 * (document-level, always 0 here), as the published show does and the published create does not.
 */
function supportRecord(stored: StoredSupport, qrImage: string, show: boolean) {
  const { row, request, totals } = stored;
  return {
    id: row.id,
    number: row.number,
    reference_code: row.reference_code,
    status: row.status,
    qr: `${DIAN_QR_BASE}${row.cufe}`,
    cuds: row.cufe,
    validated: row.validated_at ? factusDateTime(row.validated_at) : null,
    ...(show ? { discount_rate: "0.00", discount: "0.00" } : {}),
    gross_value: totals.bill.gross_value,
    taxable_amount: totals.bill.taxable_amount,
    tax_amount: totals.bill.tax_amount,
    total: totals.bill.total,
    observation: request.observation || null,
    errors: errorTexts(row),
    created_at: factusDateTime(row.created_at),
    qr_image: qrImage,
    payment_method: {
      code: request.payment_method_code,
      name: nameOfCode(PAYMENT_METHODS, request.payment_method_code) ?? "",
    },
  };
}

function supportParts(stored: StoredSupport, company: Company) {
  const items = supportItemsView(stored);
  return {
    company: companyView(company),
    provider: providerView(stored.request.provider),
    items,
    withholding_taxes: withholdingTotals(items),
  };
}

/** `data` of a support document create (`show` false) and show. */
export function supportDocumentView(
  stored: StoredSupport,
  qrImage: string,
  adjustmentNotes: { id: number; number: string }[],
  company: Company,
  show: boolean,
) {
  const parts = supportParts(stored, company);
  return {
    company: parts.company,
    provider: parts.provider,
    support_document: supportRecord(stored, qrImage, show),
    items: parts.items,
    withholding_taxes: parts.withholding_taxes,
    adjustment_notes: adjustmentNotes,
    numbering_range: stored.range ? documentRangeView(stored.range) : null,
  };
}

/** `data` of an adjustment note create and show: the support document's, naming the document it corrects. */
export function adjustmentNoteView(stored: StoredSupport, qrImage: string, company: Company, show: boolean) {
  const request = stored.request as FactusAdjustmentNoteRequest;
  const parts = supportParts(stored, company);
  return {
    company: parts.company,
    provider: parts.provider,
    adjustment_note: {
      ...supportRecord(stored, qrImage, show),
      support_document_id: stored.corrects?.id ?? null,
      support_document_number: stored.corrects?.number ?? null,
      correction_concept: {
        code: request.correction_concept_code,
        name: nameOfCode(V2_ADJUSTMENT_NOTE_CORRECTIONS, request.correction_concept_code) ?? "",
      },
    },
    items: parts.items,
    withholding_taxes: parts.withholding_taxes,
    numbering_range: stored.range ? documentRangeView(stored.range) : null,
  };
}

/** A row of `GET /v1/support-documents` (published) or, with `corrects`, of `GET /v1/adjustment-notes`. */
export function supportSummaryView(
  stored: StoredSupport,
  adjustmentNotes?: { id: number; number: string }[],
) {
  const { row, request, totals } = stored;
  return {
    id: row.id,
    number: row.number,
    api_client_name: "Factus Emulator",
    reference_code: row.reference_code,
    identification: request.provider.identification,
    graphic_representation_name: providerName(request.provider),
    trade_name: request.provider.trade_name ?? null,
    names: request.provider.names,
    email: request.provider.email ?? null,
    total: totals.bill.total,
    status: row.status,
    errors: errorTexts(row),
    created_at: factusDateTime(row.created_at),
    ...(adjustmentNotes
      ? { adjustment_notes: adjustmentNotes }
      : { support_document_number: stored.corrects?.number ?? null }),
  };
}

/** The printable form (PDF, XML) of a v1 support document or adjustment note: the provider as the other party. */
export function supportPrintable(stored: StoredSupport, company: Company): PrintableDocument {
  const { row } = stored;
  const provider = providerView(stored.request.provider);
  return {
    ...printableHead(row.kind, row),
    company: companyView(company),
    customer: {
      graphic_representation_name: provider.graphic_representation_name,
      identification: provider.identification,
      dv: provider.dv,
      address: provider.address,
      email: provider.email ?? "",
      phone: provider.phone ?? "",
      municipality: provider.municipality,
    },
    items: supportItemsView(stored),
    totals: stored.totals.bill,
    notes: errorTexts(row),
    billingReference: stored.corrects?.number ?? null,
  };
}
