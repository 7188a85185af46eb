import * as z from "zod";
import { IDENTITY_DOCUMENTS, PRODUCT_TRIBUTES, STANDARD_CODES } from "../catalogs/dian";
import { formatCents, toScaled } from "../decimal";
import type {
  FactusV2AllowanceCharge,
  FactusV2Customer,
  FactusV2Establishment,
  FactusV2ItemInput,
} from "../factus-v2/request-parts";
import { v2MunicipalityByV1Id, v2UnitMeasureByV1Id } from "../factus-v2/tables";
import type { InvoiceCustomer, InvoiceItem } from "../schemas/invoice-fields";
import type { PreflightIssue } from "../schemas/invoice-rules";
import type { UpstreamPricing } from "../totals";

// The public document's parts in Factus v2's terms (research §3): ids become DIAN codes, taxes a list. What v2
// cannot carry is collected as an issue on the public field's path, never dropped.

/** Collects what v2 cannot carry, each on the public field's path. */
export class Refusals {
  readonly issues: PreflightIssue[] = [];
  add(path: (string | number)[], message: string) {
    this.issues.push({ path, message });
  }
}

/** A 2-decimal text of a parsed decimal ("19.00"): v2's examples send money, rates and quantities this way. */
export const fixed2 = (value: number | string) => formatCents(toScaled(value, 2) ?? 0n);

const V2_ITEM_TAX_CODES: Readonly<Record<number, "01" | "04">> = { 1: "01", 4: "04" };
export const identityCode = (id: number) =>
  IDENTITY_DOCUMENTS.find((entry) => entry.id === id)?.code ?? String(id);
// The check v2's request schemas make (FactusV2Customer, FactusV2Establishment).
const EMAIL = z.email();
const isEmail = (value: string) => EMAIL.safeParse(value).success;

/** v2's municipality code of a Factus v1 id (the public schema has already resolved DANE codes to ids). */
export function municipalityCode(id: number, path: (string | number)[], refusals: Refusals) {
  const code = v2MunicipalityByV1Id(id)?.code;
  if (!code) refusals.add(path, `El municipio ${id} no tiene código DANE en Factus v2`);
  return code ?? "";
}

function email(value: string, path: (string | number)[], refusals: Refusals) {
  if (!isEmail(value))
    refusals.add(path, `Factus v2 exige un correo electrónico válido; "${value}" no lo es`);
  return value;
}

export function v2Customer(
  customer: InvoiceCustomer,
  refusals: Refusals,
  at: (string | number)[] = ["customer"],
): z.input<typeof FactusV2Customer> {
  const { municipality_id, email: address, dv, company, trade_name, names, phone } = customer;
  const code =
    municipality_id === undefined
      ? undefined
      : municipalityCode(municipality_id, [...at, "municipality_id"], refusals);
  return {
    identification_document_code: identityCode(customer.identification_document_id),
    identification: customer.identification,
    ...(dv !== undefined && { dv }),
    legal_organization_code: String(customer.legal_organization_id),
    tribute_code: customer.tribute_id === 18 ? "01" : "ZZ",
    ...(company !== undefined && { company }),
    ...(trade_name !== undefined && { trade_name }),
    ...(names !== undefined && { names }),
    ...(customer.address !== undefined && { address: customer.address }),
    ...(address !== undefined && { email: email(address, [...at, "email"], refusals) }),
    ...(phone !== undefined && { phone }),
    // v1 has no country; v2's examples send CO with every Colombian municipality.
    ...(code !== undefined && { country_code: "CO", municipality_code: code }),
  };
}

export function v2Establishment(
  establishment: {
    name: string;
    address: string;
    phone_number: string;
    email: string;
    municipality_id: number;
  },
  refusals: Refusals,
): z.input<typeof FactusV2Establishment> {
  return {
    name: establishment.name,
    address: establishment.address,
    phone_number: establishment.phone_number,
    email: email(establishment.email, ["establishment", "email"], refusals),
    municipality_code: municipalityCode(
      establishment.municipality_id,
      ["establishment", "municipality_id"],
      refusals,
    ),
  };
}

/** An item's taxes: `[{is_excluded: true}]`, or its IVA/INC with the rate; other tributes have no v2 code. */
function v2Taxes(item: InvoiceItem, at: (string | number)[], refusals: Refusals): FactusV2ItemInput["taxes"] {
  if (item.is_excluded === 1) return [{ is_excluded: true }];
  const code = V2_ITEM_TAX_CODES[item.tribute_id];
  if (!code) {
    const tribute = PRODUCT_TRIBUTES.find((entry) => entry.id === item.tribute_id);
    refusals.add(
      [...at, "tribute_id"],
      `Factus v2 solo admite IVA (1) e INC (4) como impuesto del ítem; ` +
        `${tribute ? `${tribute.name} (${item.tribute_id})` : `el tributo ${item.tribute_id}`} no tiene código en v2`,
    );
  }
  return [{ code: code ?? "01", rate: fixed2(item.tax_rate) }];
}

/** An item with the money `pricing` says to send (`upstreamPricing(…, { upstream: "v2" })`). */
export function v2Item(
  item: InvoiceItem,
  pricing: UpstreamPricing | undefined,
  index: number,
  refusals: Refusals,
): FactusV2ItemInput {
  const at = ["items", index];
  const unit = v2UnitMeasureByV1Id(item.unit_measure_id);
  if (!unit)
    refusals.add(
      [...at, "unit_measure_id"],
      `La unidad ${item.unit_measure_id} no tiene código en Factus v2`,
    );
  const discount = pricing?.upstream === "v2" ? pricing.discount : 0n;
  const withholdings = (item.withholding_taxes ?? []).map((tax, position) => {
    if (tax.code === "07")
      refusals.add(
        [...at, "withholding_taxes", position, "code"],
        "Factus v2 no tiene código para ReteICA (07); solo 05 ReteIVA y 06 ReteRenta",
      );
    return { code: tax.code, rate: fixed2(tax.withholding_tax_rate) };
  });
  return {
    code_reference: item.code_reference,
    name: item.name,
    ...(item.note !== undefined && { note: item.note }),
    quantity: fixed2(item.quantity),
    price: formatCents(pricing?.price ?? 0n),
    ...(discount > 0n && { discount_amount: formatCents(discount) }),
    unit_measure_code: unit?.code ?? "",
    standard_code: STANDARD_CODES.find((entry) => entry.id === item.standard_code_id)?.code ?? "999",
    taxes: v2Taxes(item, at, refusals),
    ...(withholdings.length > 0 && { withholding_taxes: withholdings }),
    ...(item.scheme_id !== undefined && { scheme_id: item.scheme_id }),
    ...(item.mandate && {
      mandate: {
        identification_document_code: identityCode(item.mandate.identification_document_id),
        identification: item.mandate.identification,
      },
    }),
  };
}

/** Document-level charges: v2 enables only concept 03, a surcharge (as v1 does today). */
export function v2AllowanceCharges(
  charges: readonly {
    concept_type: string;
    is_surcharge: boolean;
    reason: string;
    base_amount: number;
    amount: number;
  }[],
  refusals: Refusals,
): z.input<typeof FactusV2AllowanceCharge>[] {
  return charges.map((charge, index) => {
    if (charge.concept_type !== "03" || !charge.is_surcharge)
      refusals.add(
        ["allowance_charges", index, "concept_type"],
        "Factus v2 solo admite el concepto 03 (recargo condicionado, is_surcharge true)",
      );
    return {
      concept_type: charge.concept_type,
      is_surcharge: charge.is_surcharge,
      reason: charge.reason,
      base_amount: fixed2(charge.base_amount),
      amount: fixed2(charge.amount),
    };
  });
}
