import { type CreateCreditNoteRequest, toFactusV2CreditNote } from "@factus-edge/contracts";
import type { FactusV2CreditNoteRequestInput, FactusV2ItemInput } from "@factus-edge/contracts/factus-v2";
import type { V2BillDocument } from "@factus-edge/factus-client";
import { type CreditNoteOrder, expectedOf, notOnV2 } from "./kinds";

// Credit notes for a company on Factus v2: `bill_number` instead of v1's `bill_id`, net prices, and a payment that
// must equal the total v2 computes (research §4). The order carries what the note must come out as, so a retry that
// finds it compares against the same figures.

type V2Order = Extract<CreditNoteOrder, { factus_api_version: "v2" }>;

/** A public credit note → v2's body (contracts' mapping), or 422 for what v2 cannot carry. */
export function v2CreditNoteOrder(note: CreateCreditNoteRequest, invoiceCustomer?: string): V2Order {
  const mapping = toFactusV2CreditNote(note);
  if (!mapping.ok) throw notOnV2(mapping.issues);
  // v2 takes the invoice's customer when the note names none.
  const customer = note.customer?.identification ?? invoiceCustomer ?? "";
  return {
    factus_api_version: "v2",
    reference_code: note.reference_code,
    body: mapping.body,
    expected: expectedOf(customer, mapping.totals),
  };
}

type BillItem = V2BillDocument["items"][number];

/** A line of the bill as a note line that credits it exactly: the same net price, discount, taxes and withholdings. */
function creditedLine(item: BillItem): FactusV2ItemInput {
  const excluded = (item.taxes ?? []).some((tax) => tax.is_excluded === true);
  const taxes = excluded
    ? [{ is_excluded: true as const }]
    : (item.taxes ?? []).flatMap((tax) =>
        (tax.rates ?? []).map((rate) => ({ code: tax.tribute.code, rate: rate.rate })),
      );
  const withholdings = (item.withholding_taxes ?? []).flatMap((tax) =>
    tax.tribute_code && tax.rates?.[0] ? [{ code: tax.tribute_code, rate: tax.rates[0].rate }] : [],
  );
  const discount = Number(item.discount) > 0 ? { discount_amount: item.discount } : {};
  return {
    code_reference: item.code_reference,
    name: item.name,
    quantity: item.quantity,
    price: item.price,
    ...discount,
    unit_measure_code: item.unit_measure.code,
    standard_code: item.standard_code.code,
    taxes: taxes as FactusV2ItemInput["taxes"],
    ...(withholdings.length > 0 && {
      withholding_taxes: withholdings as FactusV2ItemInput["withholding_taxes"],
    }),
  };
}

/**
 * The note that annuls a v2 bill: its own lines, unchanged, so v2 computes the bill's own total for it (v2's
 * arithmetic is deterministic on the same lines), and that total is the payment.
 */
export function v2AnnulmentOrder(bill: V2BillDocument, referenceCode: string, observation: string): V2Order {
  const body: FactusV2CreditNoteRequestInput = {
    reference_code: referenceCode,
    correction_concept_code: "2",
    customization_id: "20",
    bill_number: bill.number,
    observation,
    payment_details: [{ payment_form: "1", payment_method_code: "10", amount: bill.totals.total }],
    items: bill.items.map(creditedLine),
  };
  const total = bill.totals.total;
  return {
    factus_api_version: "v2",
    reference_code: referenceCode,
    body,
    expected: { customerIdentification: bill.customer.identification, total, implied: total, lines: [] },
  };
}
