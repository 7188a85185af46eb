import {
  type BillTotals,
  colombiaDateTime,
  type FactusBillRequest,
  formatCents,
  type InvoiceTotals,
  toScaled,
} from "@factus-edge/contracts";

const SANDBOX_ENVIRONMENT = "2";
export const DIAN_QR_BASE = "https://catalogo-vpfe-hab.dian.gov.co/document/searchqr?documentkey=";

export interface CufeInput {
  number: string;
  /** Creation instant, ISO 8601 UTC. */
  createdAt: string;
  /** The value before taxes (ValFac) and the total (ValTot), as 2-decimal strings. */
  totals: Pick<BillTotals, "gross_value" | "total">;
  taxesByTribute: { iva: string; inc: string; ica: string };
  issuerNit: string;
  customerIdentification: string;
  technicalKey: string;
}

/**
 * The concatenation DIAN hashes (SHA-384) into a CUFE, in the order of its technical annex: number, date, time with
 * offset, gross value, each tax's code and amount (01 IVA, 04 INC, 03 ICA), total, issuer NIT, customer
 * identification, technical key, environment (2 = testing). test/lifecycle.test.ts rebuilds it from a bill's answer.
 */
function cufeSource(input: CufeInput): string {
  const [date, time] = colombiaDateTime(input.createdAt);
  return [
    input.number,
    date,
    `${time}-05:00`,
    input.totals.gross_value,
    "01",
    input.taxesByTribute.iva,
    "04",
    input.taxesByTribute.inc,
    "03",
    input.taxesByTribute.ica,
    input.totals.total,
    input.issuerNit,
    input.customerIdentification,
    input.technicalKey,
    SANDBOX_ENVIRONMENT,
  ].join("");
}

export async function sha384Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-384", new TextEncoder().encode(text));
  return new Uint8Array(digest).toHex();
}

/** The CUFE (or CUDE) of a document: DIAN's SHA-384 of its fields. */
export const cufe = (input: CufeInput) => sha384Hex(cufeSource(input));

/** Sum of item taxes per tribute (IVA = 1, INC = 4, ICA = 3), as 2-decimal strings. */
export function taxesByTribute(request: Pick<FactusBillRequest, "items">, itemTaxes: readonly string[]) {
  const sums = { 1: 0n, 3: 0n, 4: 0n } as Record<number, bigint>;
  request.items.forEach((item, index) => {
    if (item.tribute_id in sums) sums[item.tribute_id]! += toScaled(itemTaxes[index]!, 2)!;
  });
  return { iva: formatCents(sums[1]!), inc: formatCents(sums[4]!), ica: formatCents(sums[3]!) };
}

/** The CUFE (bills, range technical key) or CUDE (notes, software PIN) of a document the emulator issues. */
export function documentKey(input: {
  number: string;
  createdAt: string;
  request: Pick<FactusBillRequest, "items" | "customer">;
  totals: InvoiceTotals;
  issuerNit: string;
  technicalKey: string;
}): Promise<string> {
  return cufe({
    number: input.number,
    createdAt: input.createdAt,
    totals: input.totals.bill,
    taxesByTribute: taxesByTribute(
      input.request,
      input.totals.items.map((item) => item.tax_amount),
    ),
    issuerNit: input.issuerNit,
    customerIdentification: input.request.customer.identification,
    technicalKey: input.technicalKey,
  });
}

export interface CudsInput {
  number: string;
  /** Creation instant, ISO 8601 UTC. */
  createdAt: string;
  /** ValDS (the value before tax), the IVA and ValTol (the total), as 2-decimal strings. */
  grossValue: string;
  iva: string;
  total: string;
  /** The seller's identification (NumSNO): the provider. */
  providerIdentification: string;
  /** The buyer's NIT (NITABS): the company issuing the support document. */
  companyNit: string;
  /** The software PIN, as for a CUDE. */
  softwarePin: string;
}

/**
 * The CUDS of a support document or of its adjustment note: DIAN's SHA-384 over NumDS, FecDS, HorDS, ValDS, the one
 * tax code (01) and its amount, ValTol, NumSNO (the seller), NITABS (the buyer), the software PIN and the environment
 * (the support document's technical annex). Unlike a CUFE the seller comes first and only IVA is hashed.
 */
export function cuds(input: CudsInput): Promise<string> {
  const [date, time] = colombiaDateTime(input.createdAt);
  return sha384Hex(
    [
      input.number,
      date,
      `${time}-05:00`,
      input.grossValue,
      "01",
      input.iva,
      input.total,
      input.providerIdentification,
      input.companyNit,
      input.softwarePin,
      SANDBOX_ENVIRONMENT,
    ].join(""),
  );
}
