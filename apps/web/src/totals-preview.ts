import { computeInvoiceTotals, type FactusVersion, type TotalsInput } from "@factus-edge/contracts";

const pesos = new Intl.NumberFormat("es-CO", {
  style: "currency",
  currency: "COP",
  minimumFractionDigits: 2,
});

/**
 * The totals the company's Factus account will compute, to the cent, in the form's price mode and with that
 * account's arithmetic (`upstream`, told by the Factus login); "—" until every line has valid figures. When the
 * document's total differs from what the prices imply, the form says by how much, as the API's `rounding` will.
 */
export function showTotals(
  invoice: { items?: unknown },
  upstream: FactusVersion,
  targets: Record<"gross" | "tax" | "total" | "rounding", HTMLElement>,
) {
  let totals: ReturnType<typeof computeInvoiceTotals> | undefined;
  try {
    totals = computeInvoiceTotals(invoice as TotalsInput, { upstream });
  } catch {
    totals = undefined; // a line without a valid price or quantity yet
  }
  const bill = totals?.bill;
  targets.gross.textContent = bill ? pesos.format(Number(bill.gross_value)) : "—";
  targets.tax.textContent = bill ? pesos.format(Number(bill.tax_amount)) : "—";
  targets.total.textContent = bill ? pesos.format(Number(bill.total)) : "—";
  const rounding = totals?.rounding;
  targets.rounding.textContent = rounding
    ? `Por redondeo de Factus ${upstream}, el total es ${pesos.format(Number(rounding.issued_total))} y no ` +
      `${pesos.format(Number(rounding.expected_total))}.`
    : "";
}
