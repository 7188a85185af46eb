import { formatCents, toScaledRounded } from "@factus-edge/contracts/decimal";
import type { FactusBill } from "@factus-edge/contracts/factus/bills";
import type { FactusCreditNote } from "@factus-edge/contracts/factus/credit-notes";
import { documentView, type FactusDocumentView } from "@factus-edge/factus-client/document-view";
import type {
  V2BillDocument,
  V2BillRow,
  V2NoteDocument,
  V2NoteRow,
} from "@factus-edge/factus-client/documents";

// A Factus v2 document read in the fields the gateway's v1-era mappers use, so every public shape stays the one the
// customer documented, whatever the company's Factus generation. What v2 lacks is absent, never made up: v2 names
// documents by number only (no `id`), and its list rows do not carry a bill's credit notes.

/** The fields of v1's `data.bill` a v2 bill has too (not `id`: v2 names documents by number only). */
interface BillRecord {
  number: string;
  reference_code: string | null;
  status: number;
  errors: string[];
  qr: string | null;
  cufe: string | null;
  validated: string | null;
  gross_value: string;
  taxable_amount: string;
  tax_amount: string;
  discount_amount: string;
  surcharge_amount: string;
  total: string;
  observation: string | null;
  created_at: string;
}

interface NoteRecord {
  number: string;
  reference_code: string | null;
  status: number;
  errors: string[];
  cude: string | null;
  qr: string | null;
  gross_value: string;
  tax_amount: string;
  total: string;
  created_at: string;
  number_bill: string | null;
  correction_concept: { code: string; name: string } | null;
}

type Parties = Pick<FactusBill, "company" | "customer" | "items">;

/** A bill as the gateway reads it: Factus v1's own, or a v2 one in the same fields (and the v2 original beside). */
export type BillView =
  | (FactusBill & { apiVersion: "v1" })
  | (Parties & {
      apiVersion: "v2";
      numbering_range: { prefix: string } | null;
      bill: BillRecord;
      /** null when the v2 answer does not say (unknown, never read as none). */
      credit_notes: { id: number | null; number: string }[] | null;
      debit_notes: { id: number | null; number: string }[] | null;
      v2: V2BillDocument;
    });

export type CreditNoteView =
  | (FactusCreditNote & { apiVersion: "v1" })
  | (Parties & { apiVersion: "v2"; credit_note: NoteRecord; v2: V2NoteDocument });

/** A credit or debit note, read in a credit note's fields (v1 has no debit notes; v2 answers both alike). */
export type NoteView = CreditNoteView;

export const cents = (value: string | null | undefined) => toScaledRounded(value ?? "0", 2) ?? 0n;
export const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);

type V2Item = V2BillDocument["items"][number];

/** An item's taxes (IVA, INC…) in cents, and the rate v1 showed: the first one, as a line has one tax in v1. */
function itemTaxes(item: V2Item) {
  const rates = (item.taxes ?? []).flatMap((tax) => tax.rates ?? []);
  return {
    amount: sum(rates.map((rate) => cents(rate.tax_amount))),
    rate: rates[0]?.rate ?? "0.00",
    excluded: (item.taxes ?? []).some((tax) => tax.is_excluded === true),
  };
}

/** The document's tax when its totals do not say it: the sum of its lines' taxes, as they were issued. */
export const itemsTax = (items: readonly V2Item[]) =>
  formatCents(sum(items.map((item) => itemTaxes(item).amount)));

/**
 * A v2 line in v1's fields. `price` is the line's **net** unit price, as the v2 document itself carries it (seed
 * 004's reading); `total` is the line with its taxes, as v1's was.
 */
export function v1Item(item: V2Item): FactusBill["items"][number] {
  const taxes = itemTaxes(item);
  const base = cents(item.total);
  return {
    code_reference: item.code_reference,
    name: item.name,
    quantity: Number(item.quantity),
    discount_rate: item.discount_rate,
    discount: item.discount,
    gross_value: item.gross_value ?? item.total,
    tax_rate: taxes.rate,
    taxable_amount: taxes.excluded ? "0.00" : item.total,
    tax_amount: formatCents(taxes.amount),
    price: item.price,
    is_excluded: taxes.excluded ? 1 : 0,
    total: formatCents(base + taxes.amount),
  };
}

/** The issuer: v2 keeps its name and address under `establishment`. */
export const v1Company = (company: V2BillDocument["company"]): FactusBill["company"] => ({
  nit: company.nit,
  dv: company.dv ?? null,
  company: company.establishment.name,
  direction: company.establishment.address ?? null,
  email: company.establishment.email ?? null,
  phone: company.establishment.phone_number ?? null,
});

export const v1Customer = (customer: V2BillDocument["customer"]): FactusBill["customer"] => ({
  ...customer,
  identification: customer.identification,
  dv: customer.dv ?? null,
});

/**
 * A DIAN notification in v1's words: v2 keys them by rule (read as "FAJ43b: Notificación: …"), v1 wrote
 * "Regla: FAJ43b, Notificación: …". The public `dian_notifications` read the same on both.
 */
export const v1Notification = (text: string) => {
  // A rule is letters and digits (FAJ43b, FAK24, 90); v1's own "Regla: …" is left as it is.
  const keyed = /^(?!Regla:)([A-Z0-9][\w.-]*): (.*)$/s.exec(text);
  return keyed ? `Regla: ${keyed[1]}, ${keyed[2]}` : text;
};

/** What v1's `status` and `errors` said, from the version-neutral view (1: DIAN validated it). */
const verdictOf = (view: FactusDocumentView) => ({
  status: view.isValidated ? 1 : 0,
  errors: view.errors.map(v1Notification),
});

export function billViewOfV2(document: V2BillDocument): BillView {
  const view = documentView(document);
  const { totals } = document;
  const charges = document.allowance_charges ?? [];
  const chargeSum = (surcharge: boolean) =>
    formatCents(
      sum(charges.filter((charge) => charge.is_surcharge === surcharge).map((c) => cents(c.amount))),
    );
  return {
    apiVersion: "v2",
    v2: document,
    company: v1Company(document.company),
    customer: v1Customer(document.customer),
    numbering_range: document.numbering_range ? { prefix: document.numbering_range.prefix } : null,
    bill: {
      number: document.number,
      reference_code: document.reference_code,
      ...verdictOf(view),
      qr: view.qrUrl,
      cufe: view.key,
      validated: document.validated_at,
      // v1's gross_value is the lines after their discounts; v2's gross_amount is before them: sum the lines.
      gross_value: formatCents(sum(document.items.map((item) => cents(item.total)))),
      taxable_amount: totals.taxable_amount ?? "0.00",
      tax_amount: totals.tax_amount ?? itemsTax(document.items),
      // v1's names: document-level discounts and surcharges (item discounts are inside the lines).
      discount_amount: chargeSum(false),
      surcharge_amount: totals.surcharge_amount ?? chargeSum(true),
      total: totals.total,
      observation: document.observation ?? null,
      created_at: document.created_at,
    },
    items: document.items.map(v1Item),
    // Absent is unknown, not "none": what remains to credit on the invoice cannot be told from it (remainingOf).
    credit_notes:
      document.related_notes?.credit_notes.map((note) => ({ id: note.id ?? null, number: note.number })) ??
      null,
    debit_notes:
      document.related_notes?.debit_notes.map((note) => ({ id: note.id ?? null, number: note.number })) ??
      null,
  };
}

export function creditNoteViewOfV2(document: V2NoteDocument): CreditNoteView {
  const view = documentView(document);
  return {
    apiVersion: "v2",
    v2: document,
    company: v1Company(document.company),
    customer: v1Customer(document.customer),
    credit_note: {
      number: document.number,
      reference_code: document.reference_code,
      ...verdictOf(view),
      cude: view.key,
      qr: view.qrUrl,
      gross_value: formatCents(sum(document.items.map((item) => cents(item.total)))),
      tax_amount: document.totals.tax_amount ?? itemsTax(document.items),
      total: document.totals.total,
      created_at: document.created_at,
      number_bill: document.related_bill?.number ?? null,
      correction_concept: document.correction_concept,
    },
    items: document.items.map(v1Item),
  };
}

/** A list row of either kind in v1's row fields (v2 rows do not list a bill's credit notes). */
export function rowOfV2(row: V2BillRow | V2NoteRow): DocumentRowView {
  const customer = row.customer;
  return {
    number: row.number,
    reference_code: row.reference_code,
    identification: customer?.identification ?? (row as V2BillRow).identification ?? "",
    graphic_representation_name: customer?.graphic_representation_name ?? null,
    company: customer?.company ?? null,
    names: customer?.names ?? (row as V2BillRow).names ?? null,
    email: customer?.email ?? null,
    total: row.total,
    status: row.is_validated ? 1 : 0,
    errors: row.errors.map(v1Notification),
    created_at: row.created_at,
  };
}

/** A list row of either kind and version, in the fields the public summaries read. */
export interface DocumentRowView {
  number: string;
  reference_code: string | null;
  identification: string;
  graphic_representation_name?: string | null;
  company?: string | null;
  names?: string | null;
  email?: string | null;
  total: string;
  status: number;
  errors: string[];
  created_at: string;
  credit_notes?: { id: number | null; number: string }[];
}
