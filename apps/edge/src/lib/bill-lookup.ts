import type { FactusBill } from "@factus-edge/contracts";
import type { Context } from "hono";
import type { AppEnv } from "./context";
import { upstream } from "./upstream";

/** Pages of a reference-code lookup walked at most: Factus' filter is partial ("INV-1" also finds "INV-10"). */
const LOOKUP_PAGES = 20;

/** The bill Factus holds under exactly this reference code, in full; undefined when there is none. */
export async function findBillByReference(
  c: Context<AppEnv>,
  referenceCode: string,
): Promise<FactusBill | undefined> {
  const factus = c.get("factus");
  let page = await factus.bills.list({ reference_code: referenceCode }, upstream(c));
  for (let walked = 1; ; walked++) {
    const row = page.data.find((bill) => bill.reference_code === referenceCode);
    if (row) return factus.bills.get(row.number, upstream(c));
    if (!page.hasNextPage() || walked >= LOOKUP_PAGES) return undefined;
    page = await page.getNextPage();
  }
}
