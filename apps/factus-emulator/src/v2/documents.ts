import { nitCheckDigit, toScaled } from "@factus-edge/contracts";
import type {
  FactusV2AdjustmentNoteRequest,
  FactusV2BillRequest,
  FactusV2CreditNoteRequest,
  FactusV2Customer,
  FactusV2DebitNoteRequest,
  FactusV2SupportDocumentRequest,
} from "@factus-edge/contracts/factus-v2";
import { cuds, cufe } from "../documents/cufe";
import type { DocumentModel, RuleViolation } from "../services/issue-document";
import {
  checkV2Payments,
  computeV2Document,
  type V2Computation,
  V2MoneyError,
  type V2Rounding,
  v2Amount,
} from "./money";

// A v2 document as the one lifecycle (services/issue-document.ts) handles it: the request as Factus v2 takes it
// (net prices, `taxes[]`, `payment_details[]`), its totals under v2's own arithmetic (./money.ts), the DIAN rules
// it can break, and its CUFE over those totals.

/** Any v2 document create: a bill, a credit note or a debit note. */
export type V2DocumentRequest = FactusV2BillRequest | FactusV2CreditNoteRequest | FactusV2DebitNoteRequest;

/** A v2 request as stored: with its customer (the final consumer, or the bill's, when the request has none). */
export type StoredV2Request = V2DocumentRequest & { customer: FactusV2Customer };

/** A v2 support document or adjustment note create: a `provider` (the seller) instead of a customer. */
export type V2SupportRequest = FactusV2SupportDocumentRequest | FactusV2AdjustmentNoteRequest;

/**
 * DIAN's final consumer, for a bill sent without `customer` (the field table requires it, the contracts' schema
 * does not; what Factus puts in its place is not documented): CC 222222222222, as the published rounding example
 * sends a final consumer.
 */
export const FINAL_CONSUMER: FactusV2Customer = {
  identification_document_code: "13",
  identification: "222222222222",
  names: "Consumidor Final",
  legal_organization_code: "2",
  tribute_code: "ZZ",
};

/** The figures of one item, as stored: amounts as 2-decimal strings. */
export interface StoredV2Line {
  gross: string;
  discount: string;
  base: string;
  excluded: boolean;
  taxes: { code: string; rate: string; taxable_amount: string; tax_amount: string }[];
  tax_amount: string;
  total: string;
}

/** A v2 document's stored totals (JSON in `documents.totals`). */
export interface StoredV2Totals {
  lines: StoredV2Line[];
  taxes: { code: string; rate: string; taxable_amount: string; tax_amount: string }[];
  totals: Record<keyof V2Computation["totals"], string>;
}

/** An object with its bigint amounts as 2-decimal strings. */
type Amounts<T> = { [K in keyof T]: T[K] extends bigint ? string : T[K] };
const amounts = <T extends object>(record: T) =>
  Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, typeof value === "bigint" ? v2Amount(value) : value]),
  ) as Amounts<T>;

export function storedV2Totals(computation: V2Computation): StoredV2Totals {
  return {
    lines: computation.lines.map((line) => ({
      ...amounts(line),
      taxes: line.taxes.map((tax) => amounts(tax)),
    })),
    taxes: computation.taxes.map((tax) => amounts(tax)),
    totals: amounts(computation.totals),
  };
}

/**
 * Factus' own checks of a v2 request's money before it numbers anything: every figure a number v2 takes (at most
 * 2 decimals, no discount above its line…) and the payments adding up to the total (+ `cash_rounding_amount`).
 * Field errors (422), or undefined when the request passes.
 */
export function v2MoneyErrors(
  request: V2DocumentRequest | V2SupportRequest,
  rounding: V2Rounding,
): Record<string, string[]> | undefined {
  let total: bigint;
  try {
    total = computeV2Document(request, rounding).totals.total;
  } catch (error) {
    if (error instanceof V2MoneyError) return { [error.path]: [error.message.slice(error.path.length + 2)] };
    throw error;
  }
  const payments = checkV2Payments(total, request);
  if (payments.ok) return undefined;
  const field =
    payments.problem === "cash_rounding_out_of_range" ? "cash_rounding_amount" : "payment_details";
  return { [field]: [payments.message ?? "Los medios de pago no coinciden con el total"] };
}

/** The tax rates DIAN takes per v2 tax: IVA 0/5/19 %, INC 2/4/8/16 %, ultra-processed food 10/15/20 %. */
const TAX_RATES: Record<string, { name: string; rates: number[] }> = {
  "01": { name: "IVA", rates: [0, 5, 19] },
  "04": { name: "INC", rates: [2, 4, 8, 16] },
  "35": { name: "ICUI", rates: [10, 15, 20] },
};

/** Identity documents whose number is digits only: RC, TI, CC, NIT, NUIP. */
const NUMERIC_IDENTITY_CODES = ["11", "12", "13", "31", "91"];
/** The identity documents a legal person (legal_organization_code 1) has: NIT, NIT of another country. */
const LEGAL_PERSON_CODES = ["31", "50"];

/** The other party of a document, as the DIAN rules read it: a customer, or a support document's provider. */
interface V2Party {
  identification_document_code: string;
  identification: string;
  dv?: string | undefined;
  legal_organization_code?: string | undefined;
}

/**
 * The DIAN rules a v2 document breaks: v1's (SPEC §5, contracts' dianRuleViolations) read on v2's fields. A wrong
 * `dv` is DIAN's FAK24 on a bill or note (a missing one Factus computes, so it is no fault); on a support document's
 * provider it is keyed by the field (the rule id of the support document annex is not published by Factus).
 */
export function v2RuleViolations(
  request: StoredV2Request | V2SupportRequest,
  today: string,
  rounding: V2Rounding,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const add = (path: (string | number)[], message: string, rule?: string) =>
    violations.push({ path, message, ...(rule ? { rule } : {}) });
  const [partyKey, party]: [string, V2Party] =
    "customer" in request ? ["customer", request.customer] : ["provider", request.provider];
  const fak24 = partyKey === "customer" ? "FAK24" : undefined;
  const code = party.identification_document_code;
  if (code === "31" && /^\d{1,15}$/.test(party.identification)) {
    const expected = String(nitCheckDigit(party.identification));
    if (party.dv && party.dv !== expected)
      add(
        [partyKey, "dv"],
        `Dígito de verificación incorrecto para el NIT ${party.identification}: es ${expected}, no ${party.dv}`,
        fak24,
      );
  } else if (NUMERIC_IDENTITY_CODES.includes(code) && !/^\d+$/.test(party.identification)) {
    add(
      [partyKey, "identification"],
      code === "31"
        ? "Un NIT solo lleva dígitos (sin DV ni guion)"
        : "Este tipo de documento solo lleva dígitos",
      code === "31" ? fak24 : undefined,
    );
  }
  if (party.legal_organization_code === "1" && !LEGAL_PERSON_CODES.includes(code))
    add(
      [partyKey, "identification_document_code"],
      "Una persona jurídica (legal_organization_code 1) se identifica con NIT (31) o NIT de otro país (50)",
    );
  request.payment_details.forEach((payment, index) => {
    if (payment.due_date && payment.due_date < today)
      add(
        ["payment_details", index, "due_date"],
        `No puede ser anterior a la fecha de expedición (${today})`,
      );
  });
  const { lines } = computeV2Document(request, rounding);
  request.items.forEach((item, index) => {
    item.taxes.forEach((tax, taxIndex) => {
      const allowed = tax.code ? TAX_RATES[tax.code] : undefined;
      if (tax.is_excluded || !allowed || allowed.rates.includes(Number(tax.rate))) return;
      add(
        ["items", index, "taxes", taxIndex, "rate"],
        `Tarifa de ${allowed.name} no válida: ${Number(tax.rate)}; se admiten ${allowed.rates.join(", ")} %`,
      );
    });
    if (lines[index]?.base === 0n)
      add(["items", index, "discount_rate"], "Un descuento del 100 % deja la línea en cero: retire el ítem");
  });
  return violations;
}

/** The short name of a v2 tax code (01 IVA, 04 INC, 35 ICUI). */
export const v2TaxName = (code: string) => TAX_RATES[code]?.name ?? code;

/** One tax's sum in a document's stored totals (01 IVA, 04 INC): what a CUFE, CUDE or CUDS hashes for it. */
const taxOf = (totals: StoredV2Totals, code: string) =>
  v2Amount(
    totals.taxes
      .filter((tax) => tax.code === code)
      .reduce((sum, tax) => sum + (toScaled(tax.tax_amount, 2) ?? 0n), 0n),
  );

/**
 * v2's support documents and adjustment notes for the lifecycle: v2's arithmetic and checks, a CUDS over
 * ValDS = Σ line bases, the IVA and ValTol = `totals.total`, the provider as the seller.
 */
export function v2SupportDocuments(rounding: V2Rounding): DocumentModel<V2SupportRequest> {
  return {
    violations: (request, today) => v2RuleViolations(request, today, rounding),
    totals: (request) => storedV2Totals(computeV2Document(request, rounding)),
    key: ({ totals, request, number, createdAt, issuerNit, technicalKey }) => {
      const stored = totals as StoredV2Totals;
      return cuds({
        number,
        createdAt,
        grossValue: stored.totals.line_extension_amount,
        iva: taxOf(stored, "01"),
        total: stored.totals.total,
        providerIdentification: request.provider.identification,
        companyNit: issuerNit,
        softwarePin: technicalKey,
      });
    },
  };
}

/** v2's documents for the lifecycle, under a rounding rule (a per-account setting). */
export function v2Documents(rounding: V2Rounding): DocumentModel<StoredV2Request> {
  return {
    violations: (request, today) => v2RuleViolations(request, today, rounding),
    totals: (request) => storedV2Totals(computeV2Document(request, rounding)),
    key: ({ totals, request, ...input }) => {
      const stored = totals as StoredV2Totals;
      return cufe({
        ...input,
        totals: { gross_value: stored.totals.line_extension_amount, total: stored.totals.total },
        taxesByTribute: { iva: taxOf(stored, "01"), inc: taxOf(stored, "04"), ica: "0.00" },
        customerIdentification: request.customer.identification,
      });
    },
  };
}
