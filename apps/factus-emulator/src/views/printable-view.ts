import { colombiaDateTime, factusDateTime } from "@factus-edge/contracts";
import { DIAN_QR_BASE } from "../documents/cufe";
import type { PrintableDocument } from "../documents/printable";
import type { Company } from "../services/company";
import { errorTexts } from "../services/issue-document";
import type { DocumentRow } from "../store/rows";
import type { StoredBill } from "./bill-view";
import { companyView, customerView, itemsView } from "./parties";

/** What a printed document shows of its stored row, whatever its version: number, dates, CUFE/CUDE and QR. */
export const printableHead = (kind: DocumentRow["kind"], row: DocumentRow) => ({
  kind,
  number: row.number,
  referenceCode: row.reference_code,
  createdAt: factusDateTime(row.created_at),
  issueDate: colombiaDateTime(row.created_at)[0],
  key: row.cufe,
  qr: `${DIAN_QR_BASE}${row.cufe}`,
});

/** The printable form of a stored bill or credit note (both keep a Factus request and its totals). */
export function printable(
  kind: DocumentRow["kind"],
  stored: {
    row: DocumentRow;
    request: Pick<StoredBill["request"], "customer" | "items">;
    totals: StoredBill["totals"];
  },
  company: Company,
  billingReference?: string | null,
): PrintableDocument {
  const { row, request, totals } = stored;
  return {
    ...printableHead(kind, row),
    company: companyView(company),
    customer: customerView(request.customer),
    items: itemsView(request.items, totals.items),
    totals: totals.bill,
    notes: errorTexts(row),
    billingReference,
  };
}
