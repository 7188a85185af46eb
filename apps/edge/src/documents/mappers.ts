import type { FactusBill } from "@factus-edge/contracts/factus/bills";
import { type DocumentRef, dianStatusOf, recoveryOf } from "@factus-edge/contracts/schemas/dian-status";
import { money } from "./money";

// The parts of the public shapes every document kind shares: parties, lines, and a document as an error names it.

/** The prefix of a number ("SETP990000001" → "SETP"). */
export const prefixOfNumber = (number: string) => /^[A-Za-z]*/.exec(number)?.[0] ?? "";
export const nameOf = (party: {
  graphic_representation_name?: string | null;
  company?: string | null;
  names?: string | null;
}) => party.graphic_representation_name || party.company || party.names || "";

/** A document's line in the public detail shape. */
export const itemLine = (item: FactusBill["items"][number]) => ({
  code_reference: item.code_reference,
  name: item.name,
  quantity: item.quantity,
  price: money(item.price),
  tax_rate: money(item.tax_rate),
  total: money(item.total),
});

/** The issuer as the public detail shows it. */
export const companyLine = (company: FactusBill["company"]) => ({
  name: company.company || company.name || "",
  identification: company.nit,
  address: company.direction ?? company.address ?? "",
});

/** The customer as the public detail shows it. */
export const customerLine = (customer: FactusBill["customer"]) => ({
  name: nameOf(customer),
  identification: customer.identification,
  email: customer.email ?? null,
  address: customer.address ?? null,
});

/** A Factus document as an error names it, with what is safe to do with it. */
export function documentRef(
  document: { number: string | null; reference_code: string | null; status: number; errors: string[] },
  cufe?: string | null,
): DocumentRef {
  return {
    number: document.number,
    reference_code: document.reference_code,
    dian_status: dianStatusOf(document.status, document.errors),
    recovery: recoveryOf(document.status, document.errors),
    ...(cufe === undefined ? {} : { cufe }),
  };
}

/** What every kind's create answers beside its number and key: where it stands with DIAN, and its total. */
export function createdVerdict(
  record: {
    number: string;
    reference_code: string | null;
    status: number;
    errors: string[];
    qr: string | null;
    total: string;
  },
  message: string,
) {
  const dianStatus = dianStatusOf(record.status, record.errors);
  return {
    prefix: prefixOfNumber(record.number),
    qr_url: record.qr ?? "",
    status: dianStatus === "validated" ? ("success" as const) : ("pending" as const),
    dian_status: dianStatus,
    dian_notifications: record.errors,
    message,
    reference_code: record.reference_code ?? "",
    total: money(record.total),
  };
}
