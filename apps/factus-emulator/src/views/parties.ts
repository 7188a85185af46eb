import {
  CUSTOMER_TRIBUTES,
  divideRoundHalfUp,
  type FactusBillRequest,
  formatCents,
  type ItemTotals,
  LEGAL_ORGANIZATIONS,
  MEASUREMENT_UNITS,
  municipalityById,
  PRODUCT_TRIBUTES,
  STANDARD_CODES,
  toScaled,
} from "@factus-edge/contracts";
import { v2MunicipalityByCode } from "@factus-edge/contracts/factus-v2";
import type { Company } from "../services/company";
import { money, moneyNumber } from "./format";

// Pieces shared by the bill and credit-note views, in Factus v1's response shapes.

type Customer = FactusBillRequest["customer"];
type Item = FactusBillRequest["items"][number];
type Establishment = NonNullable<FactusBillRequest["establishment"]>;

/** The issuer in a v1 document answer. */
export const companyView = (company: Company) => ({
  url_logo: company.url_logo,
  nit: company.nit,
  dv: company.dv,
  company: company.company,
  name: company.name,
  graphic_representation_name: company.graphic_representation_name,
  registration_code: company.registration_code,
  economic_activity: company.economic_activity,
  phone: company.phone,
  email: company.email,
  direction: company.direction,
  municipality: company.municipality,
});

/** The establishment of a document that names none: the company's own. */
const defaultEstablishment = (company: Company): Establishment => ({
  name: company.company,
  address: company.direction,
  phone_number: company.phone,
  email: company.email,
  municipality_id: v2MunicipalityByCode(company.municipality_code)?.v1_id ?? 980,
});

export function establishmentView(establishment: Establishment | undefined, company: Company) {
  const value = establishment ?? defaultEstablishment(company);
  const municipality = municipalityById(value.municipality_id);
  const departmentCode = municipality?.dane_code.slice(0, 2) ?? "00";
  return {
    name: value.name,
    address: value.address,
    phone_number: value.phone_number,
    email: value.email,
    municipality_id: {
      id: value.municipality_id,
      code: municipality?.dane_code ?? "",
      name: municipality?.name ?? "",
      department: { id: Number(departmentCode), code: departmentCode, name: municipality?.department ?? "" },
    },
  };
}

export const customerName = (customer: Customer) =>
  customer.company || customer.names || customer.trade_name || "";

export function customerView(customer: Customer) {
  const municipality = customer.municipality_id ? municipalityById(customer.municipality_id) : undefined;
  const organization = LEGAL_ORGANIZATIONS.find((entry) => entry.id === customer.legal_organization_id)!;
  const tribute = CUSTOMER_TRIBUTES.find((entry) => entry.id === customer.tribute_id)!;
  return {
    identification: customer.identification,
    dv: customer.identification_document_id === 6 ? (customer.dv ?? null) : null,
    graphic_representation_name: customerName(customer),
    trade_name: customer.trade_name ?? "",
    company: customer.company ?? "",
    names: customer.names ?? "",
    address: customer.address ?? "",
    email: customer.email ?? "",
    phone: customer.phone ?? "",
    legal_organization: { id: organization.id, code: organization.code, name: organization.name },
    tribute: { id: tribute.id, code: tribute.code, name: tribute.name },
    municipality: municipality
      ? { id: municipality.id, code: municipality.dane_code, name: municipality.name }
      : null,
  };
}

const WITHHOLDING_NAMES: Record<string, string> = { "05": "ReteIVA", "06": "ReteRenta", "07": "ReteICA" };

/** Informative withholdings of an item: ReteIVA on the item's tax, the others on its taxable base. */
export function withholdingsOf(item: Pick<Item, "withholding_taxes">, totals: ItemTotals) {
  return (item.withholding_taxes ?? []).map((withholding) => {
    const base = toScaled(withholding.code === "05" ? totals.tax_amount : totals.gross_value, 2)!;
    const rate = toScaled(withholding.withholding_tax_rate, 2)!;
    const name = WITHHOLDING_NAMES[withholding.code] ?? withholding.code;
    return {
      tribute_code: withholding.code,
      name,
      value: formatCents(divideRoundHalfUp(base * rate, 10_000n)),
      rates: [{ code: withholding.code, name, rate: money(withholding.withholding_tax_rate) }],
    };
  });
}

export function itemsView(items: readonly Item[], totals: readonly ItemTotals[]) {
  return items.map((item, index) => {
    const figures = totals[index]!;
    const unit = MEASUREMENT_UNITS.find((entry) => entry.id === item.unit_measure_id);
    const standard = STANDARD_CODES.find((entry) => entry.id === item.standard_code_id)!;
    const tribute = PRODUCT_TRIBUTES.find((entry) => entry.id === item.tribute_id)!;
    return {
      scheme_id: item.scheme_id ?? null,
      note: item.note ?? null,
      code_reference: item.code_reference,
      name: item.name,
      quantity: item.quantity,
      discount_rate: money(item.discount_rate),
      discount: figures.discount,
      gross_value: figures.gross_value,
      tax_rate: money(item.tax_rate),
      taxable_amount: figures.taxable_amount,
      tax_amount: figures.tax_amount,
      price: money(item.price),
      is_excluded: item.is_excluded,
      unit_measure: {
        id: item.unit_measure_id,
        code: unit?.code ?? String(item.unit_measure_id),
        name: unit?.name ?? `unidad de medida ${item.unit_measure_id}`,
      },
      standard_code: { id: standard.id, code: standard.code, name: standard.name },
      tribute: { id: tribute.id, code: tribute.code, name: tribute.name },
      total: moneyNumber(figures.total),
      withholding_taxes: withholdingsOf(item, figures),
      mandate: item.mandate ?? null,
    };
  });
}

/** Bill-level withholdings: the items' withholdings summed per tribute. */
export function withholdingTotals(
  items: readonly { withholding_taxes: readonly { tribute_code: string; name: string; value: string }[] }[],
) {
  const sums = new Map<string, { name: string; cents: bigint }>();
  for (const item of items) {
    for (const withholding of item.withholding_taxes) {
      const entry = sums.get(withholding.tribute_code) ?? { name: withholding.name, cents: 0n };
      entry.cents += toScaled(withholding.value, 2)!;
      sums.set(withholding.tribute_code, entry);
    }
  }
  return [...sums].map(([tribute_code, { name, cents }]) => ({
    tribute_code,
    name,
    value: formatCents(cents),
  }));
}
