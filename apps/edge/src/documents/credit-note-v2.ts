import type { FactusV2CreditNoteRequestInput } from "@factus-edge/contracts/factus-v2/notes";
import type { FactusV2ItemInput } from "@factus-edge/contracts/factus-v2/request-parts";
import { toFactusV2CreditNote } from "@factus-edge/contracts/mapping/to-factus-v2";
import type { CreateCreditNoteRequest } from "@factus-edge/contracts/schemas/credit-notes";
import type { V2BillDocument } from "@factus-edge/factus-client/documents";
import { ApiError } from "../platform/errors";
import type { CreditNoteOrder } from "./kinds/credit-note";
import { expectedOf, notOnV2 } from "./kinds/flow";

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
type BillCharge = NonNullable<V2BillDocument["allowance_charges"]>[number];
type NoteCharge = NonNullable<FactusV2CreditNoteRequestInput["allowance_charges"]>[number];

/** What the bill says that a note cannot repeat: never dropped, since the note would then differ from the bill. */
const unrepeatable = (message: string) => new ApiError("UPSTREAM_ERROR", { message });

/** A line of the bill as a note line that credits it exactly: the same net price, discount, taxes and withholdings. */
function creditedLine(item: BillItem): FactusV2ItemInput {
  const excluded = (item.taxes ?? []).some((tax) => tax.is_excluded === true);
  const taxes = excluded
    ? [{ is_excluded: true as const }]
    : (item.taxes ?? []).flatMap((tax) =>
        (tax.rates ?? []).map((rate) => ({ code: tax.tribute.code, rate: rate.rate })),
      );
  const withholdings = (item.withholding_taxes ?? []).map((tax) => {
    const code = tax.tribute_code ?? tax.tribute?.code;
    const rate = tax.rates?.[0]?.rate;
    if (!code || !rate)
      throw unrepeatable(
        `Factus describió una retención de la línea ${item.code_reference} sin código o sin tarifa`,
      );
    return { code, rate };
  });
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

/** A document-level charge of the bill (a tip) as the note repeats it. */
function repeatedCharge(charge: BillCharge): NoteCharge {
  const { concept_type, reason, base_amount } = charge as BillCharge & {
    concept_type?: { code?: string } | string;
    reason?: string;
    base_amount?: string;
  };
  const concept = typeof concept_type === "string" ? concept_type : concept_type?.code;
  if (!concept || !reason || base_amount === undefined)
    throw unrepeatable("Factus describió un cargo de la factura sin concepto, razón o base");
  return {
    concept_type: concept,
    is_surcharge: charge.is_surcharge,
    reason,
    base_amount,
    amount: charge.amount,
  } as NoteCharge;
}

/**
 * The note that annuls a v2 bill: its own lines and document-level charges, unchanged, so v2 computes the bill's own
 * total for it (v2's arithmetic is deterministic on the same lines), and that total is the payment.
 */
export function v2AnnulmentOrder(bill: V2BillDocument, referenceCode: string, observation: string): V2Order {
  // Where a prepayment goes in a note is not documented by v2 (SPEC §7): refused, never guessed or dropped.
  if ((bill.prepayment_details ?? []).length > 0) {
    throw notOnV2([
      {
        path: ["number"],
        message: `La factura ${bill.number} tiene anticipos: anúlela con una nota crédito que los indique`,
      },
    ]);
  }
  const charges = (bill.allowance_charges ?? []).map(repeatedCharge);
  const body: FactusV2CreditNoteRequestInput = {
    reference_code: referenceCode,
    correction_concept_code: "2",
    customization_id: "20",
    bill_number: bill.number,
    observation,
    payment_details: [{ payment_form: "1", payment_method_code: "10", amount: bill.totals.total }],
    items: bill.items.map(creditedLine),
    ...(charges.length > 0 && { allowance_charges: charges }),
  };
  const total = bill.totals.total;
  return {
    factus_api_version: "v2",
    reference_code: referenceCode,
    body,
    expected: { customerIdentification: bill.customer.identification, total, implied: total, lines: [] },
  };
}
