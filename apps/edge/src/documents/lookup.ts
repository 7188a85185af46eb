import type { Context } from "hono";
import type { AppEnv } from "../platform/context";
import type { DocumentFlow } from "./kinds";

/** Pages of a reference-code lookup walked at most: Factus' filter is partial ("INV-1" also finds "INV-10"). */
const LOOKUP_PAGES = 20;

/** The document Factus holds under exactly this reference code, in full; undefined when there is none. */
export async function findByReference<Document>(
  c: Context<AppEnv>,
  flow: DocumentFlow<{ reference_code: string }, Document, unknown>,
  referenceCode: string,
): Promise<Document | undefined> {
  let page = await flow.list(c, { reference_code: referenceCode });
  for (let walked = 1; ; walked++) {
    const row = page.data.find((entry) => entry.reference_code === referenceCode);
    if (row) return flow.get(c, row.number);
    if (!page.hasNextPage() || walked >= LOOKUP_PAGES) return undefined;
    page = await page.getNextPage();
  }
}
