import { computeInvoiceTotals, type TotalsInput } from "@factus-edge/contracts";

const pesos = new Intl.NumberFormat("es-CO", {
  style: "currency",
  currency: "COP",
  minimumFractionDigits: 2,
});

/** The totals Factus will compute, to the cent (prices include VAT); "—" until every line has valid figures. */
export function showTotals(
  invoice: { items?: unknown },
  targets: Record<"gross" | "tax" | "total", HTMLElement>,
) {
  let bill: ReturnType<typeof computeInvoiceTotals>["bill"] | undefined;
  try {
    bill = computeInvoiceTotals(invoice as TotalsInput).bill;
  } catch {
    bill = undefined; // a line without a valid price or quantity yet
  }
  targets.gross.textContent = bill ? pesos.format(Number(bill.gross_value)) : "—";
  targets.tax.textContent = bill ? pesos.format(Number(bill.tax_amount)) : "—";
  targets.total.textContent = bill ? pesos.format(Number(bill.total)) : "—";
}
