import type { FactusBill } from "@factus-edge/contracts/factus/bills";
import type { CreateCreditNoteRequest } from "@factus-edge/contracts/schemas/credit-notes";
import { dianStatusOf } from "@factus-edge/contracts/schemas/dian-status";
import type { InvoiceCustomer, InvoiceItem } from "@factus-edge/contracts/schemas/invoice-fields";
import { computeInvoiceTotals } from "@factus-edge/contracts/totals";
import type { Context } from "hono";
import * as z from "zod";
import { callFactus } from "../factus/call";
import { factusVersionOf, getBill, getCreditNote } from "../factus/documents";
import type { BillView } from "../factus/v2-views";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { v2CreditNoteOrder } from "./credit-note-v2";
import type { CreditNoteOrder } from "./kinds/credit-note";
import { invoiceFlow } from "./kinds/invoice";
import { centsOf, pesos } from "./money";
import { forgetDocument } from "./reads";

// A public credit note → Factus' request: the invoice resolved by its number to Factus' bill id, its customer when
// the note leaves it out, and never more credit than what remains of the invoice.

/** The parts of Factus' bill detail a credit note is built from (nested catalog objects carry the ids). */
const BillForNote = z.looseObject({
  bill: z.looseObject({ id: z.number() }),
  customer: z.looseObject({
    identification: z.string(),
    dv: z.string().nullable().optional(),
    company: z.string().nullable().optional(),
    names: z.string().nullable().optional(),
    trade_name: z.string().nullable().optional(),
    address: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    legal_organization: z.looseObject({ id: z.coerce.number() }).nullable().optional(),
    tribute: z.looseObject({ id: z.coerce.number() }).nullable().optional(),
    municipality: z.looseObject({ id: z.coerce.number() }).nullable().optional(),
  }),
  items: z.array(
    z.looseObject({
      unit_measure: z.looseObject({ id: z.coerce.number() }),
      standard_code: z.looseObject({ id: z.coerce.number() }),
      tribute: z.looseObject({ id: z.coerce.number() }),
      withholding_taxes: z
        .array(
          z.looseObject({ tribute_code: z.string(), rates: z.array(z.looseObject({ rate: z.string() })) }),
        )
        .nullable()
        .optional(),
    }),
  ),
});

const text = (value: string | null | undefined) => (value ? value : undefined);

/**
 * The invoice's customer as a request names it. Factus' detail does not say the identity document type: a customer
 * with a check digit is taken as NIT (6), any other as cédula de ciudadanía (3); send `customer` to say otherwise.
 */
export function customerOfBill(bill: FactusBill): InvoiceCustomer {
  const { customer } = BillForNote.parse(bill);
  const isNit = Boolean(customer.dv);
  return {
    identification_document_id: isNit ? 6 : 3,
    identification: customer.identification,
    dv: isNit ? (customer.dv ?? undefined) : undefined,
    company: text(customer.company),
    trade_name: text(customer.trade_name),
    names: text(customer.names),
    address: text(customer.address),
    email: text(customer.email),
    phone: text(customer.phone),
    legal_organization_id: customer.legal_organization?.id ?? (isNit ? 1 : 2),
    tribute_id: (customer.tribute?.id === 18 ? 18 : 21) as 18 | 21,
    municipality_id: customer.municipality?.id,
  };
}

/** The invoice's own lines, as a note that credits them in full. */
export function itemsOfBill(bill: FactusBill): InvoiceItem[] {
  const parsed = BillForNote.parse(bill);
  return bill.items.map((item, index) => {
    const ids = parsed.items[index]!;
    const withholdings = (ids.withholding_taxes ?? []).flatMap((tax) =>
      tax.rates[0]
        ? [{ code: tax.tribute_code as "05" | "06" | "07", withholding_tax_rate: Number(tax.rates[0].rate) }]
        : [],
    );
    return {
      code_reference: item.code_reference,
      name: item.name,
      quantity: item.quantity,
      price: Number(item.price),
      discount_rate: Number(item.discount_rate),
      tax_rate: Number(item.tax_rate),
      unit_measure_id: ids.unit_measure.id,
      standard_code_id: ids.standard_code.id,
      is_excluded: item.is_excluded as 0 | 1,
      tribute_id: ids.tribute.id,
      ...(withholdings.length ? { withholding_taxes: withholdings } : {}),
    };
  });
}

/** The bill's document-level charges (a tip) as a note that annuls it repeats them; the lines alone would credit less. */
export function chargesOfBill(bill: FactusBill) {
  const charges = z
    .array(
      z.looseObject({
        concept_type: z.union([z.looseObject({ code: z.coerce.string() }), z.coerce.string()]),
        is_surcharge: z.union([z.boolean(), z.number()]).transform(Boolean),
        reason: z.string(),
        base_amount: z.union([z.string(), z.number()]),
        amount: z.union([z.string(), z.number()]),
      }),
    )
    .nullable()
    .optional()
    .safeParse((bill as { allowance_charges?: unknown }).allowance_charges);
  if (!charges.success)
    throw new ApiError("UPSTREAM_ERROR", {
      message: "Factus describió los cargos de la factura de una forma que no se puede repetir en la nota",
    });
  return (charges.data ?? []).map((charge) => ({
    concept_type: (typeof charge.concept_type === "string"
      ? charge.concept_type
      : charge.concept_type.code) as "03",
    is_surcharge: charge.is_surcharge,
    reason: charge.reason,
    // The schemas' own output type for money is a number; a 2-decimal text reads back exactly.
    base_amount: Number(pesos(centsOf(charge.base_amount))),
    amount: Number(pesos(centsOf(charge.amount))),
  }));
}

/** What remains to credit on an invoice: its total less its credit notes that DIAN has not rejected. */
export async function remainingOf(c: Context<AppEnv>, bill: BillView) {
  // Unknown is not "none": crediting against a balance that cannot be told could credit more than the invoice.
  if (bill.credit_notes === null) {
    throw new ApiError("CONFLICT", {
      message:
        `Factus no dijo qué notas crédito tiene la factura ${bill.bill.number}: no se puede saber cuánto le queda por ` +
        "acreditar, así que no se emite la nota. Reintente; si persiste, consulte la factura en Factus",
    });
  }
  const notes = await Promise.all(
    bill.credit_notes.map((note) => callFactus(() => getCreditNote(c, note.number))),
  );
  const credited = notes
    .filter((note) => dianStatusOf(note.credit_note.status, note.credit_note.errors) !== "rejected")
    .reduce((sum, note) => sum + centsOf(note.credit_note.total), 0n);
  return { total: centsOf(bill.bill.total), credited, remaining: centsOf(bill.bill.total) - credited };
}

/** The invoice a note corrects, validated by DIAN (a note cannot correct anything else). `noun`: "una nota …". */
export async function correctableInvoice(
  c: Context<AppEnv>,
  number: string,
  noun = "una nota crédito",
): Promise<BillView> {
  const bill = await callFactus(() => getBill(c, number), `No existe la factura ${number}`);
  if (dianStatusOf(bill.bill.status, bill.bill.errors) !== "validated") {
    throw new ApiError("CONFLICT", {
      message:
        `La factura ${number} no está validada por la DIAN: ${noun} solo corrige facturas validadas ` +
        "(una pendiente se termina con /retry, una rechazada se corrige y se reenvía)",
    });
  }
  return bill;
}

/**
 * Factus' request for a public credit note, and the check that it fits in what remains of its invoice, to run right
 * before the note is sent (under the invoice's lease: `withInvoiceLease`).
 */
export async function factusCreditNote(
  c: Context<AppEnv>,
  note: CreateCreditNoteRequest,
): Promise<{ request: CreditNoteOrder; checkBalance?: () => Promise<void> }> {
  const { invoice_number, customer, ...rest } = note;
  if (!invoice_number) {
    if ((await factusVersionOf(c)) === "v2") return { request: v2CreditNoteOrder(note) };
    return { request: { ...rest, customer: customer!, customization_id: "22" } };
  }
  // The invoice's detail is about to list one more note: this location's copy goes now (the route drops it again
  // once the note is issued, in case a read cached it in between).
  await forgetDocument(c, invoiceFlow, invoice_number);
  const bill = await correctableInvoice(c, invoice_number);
  const request: CreditNoteOrder =
    bill.apiVersion === "v2"
      ? v2CreditNoteOrder(note, bill.customer.identification)
      : {
          ...rest,
          customer: customer ?? customerOfBill(bill),
          customization_id: "20",
          bill_id: BillForNote.parse(bill).bill.id,
        };
  const checkBalance = async () => {
    const { remaining } = await remainingOf(c, bill);
    const total = centsOf(
      "factus_api_version" in request ? request.expected.total : computeInvoiceTotals(request).bill.total,
    );
    if (total > remaining) {
      throw new ApiError("VALIDATION_FAILED", {
        details: [
          {
            path: "items",
            message:
              `La nota suma ${pesos(total)} y a la factura ${invoice_number} solo le quedan ${pesos(remaining)} ` +
              "por acreditar: una nota crédito nunca acredita más que el saldo de la factura",
          },
        ],
      });
    }
  };
  return { request, checkBalance };
}
