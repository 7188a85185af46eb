import type { Context } from "hono";
import { companyNitOf } from "../factus/company";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import type { DocumentFlow } from "./kinds/flow";

/** Pages of a reference-code lookup walked at most: Factus' filter is partial ("INV-1" also finds "INV-10"). */
const LOOKUP_PAGES = 20;

/**
 * Spends one unit of the company's lookup budget per Factus page walked. Factus allows 80 calls a minute per account,
 * shared by every user of the company; its reference filter is a partial match in which `_` is a wildcard, so one
 * lookup (`S_`) can walk many pages. The budget (COMPANY_LOOKUP_BUDGET, 40 pages a minute per company, counted at
 * each Cloudflare location) keeps lookups from starving the company's creates and reads. A limiter that cannot be
 * reached lets the page through: it protects a quota, not a secret.
 */
async function spendLookupPage(c: Context<AppEnv>) {
  const key = await companyNitOf(c);
  const { success } = await c.env.COMPANY_LOOKUP_BUDGET.limit({ key }).catch(() => ({ success: true }));
  if (!success) {
    throw new ApiError("RATE_LIMITED", {
      message:
        "Las búsquedas por código de referencia de esta empresa agotaron su parte del límite de Factus; reintente " +
        "en un minuto",
      headers: { "Retry-After": "60" },
    });
  }
}

/**
 * The document Factus holds under exactly this reference code, in full; undefined when there is none. Rows are
 * compared exactly, whatever Factus' partial filter matched.
 */
export async function findByReference<Document>(
  c: Context<AppEnv>,
  flow: DocumentFlow<{ reference_code: string }, Document, unknown>,
  referenceCode: string,
): Promise<Document | undefined> {
  await spendLookupPage(c);
  let page = await flow.list(c, { reference_code: referenceCode });
  for (let walked = 1; ; walked++) {
    const row = page.data.find((entry) => entry.reference_code === referenceCode);
    if (row) return flow.get(c, row.number);
    if (!page.hasNextPage() || walked >= LOOKUP_PAGES) return undefined;
    await spendLookupPage(c);
    page = await page.getNextPage();
  }
}
