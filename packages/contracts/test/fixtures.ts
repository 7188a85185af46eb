import { readFileSync } from "node:fs";

const root = new URL("../../../fixtures/", import.meta.url);

/** A published Factus v1 example, by file name without `.json`. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are raw JSON, narrowed by each test
export const factusExample = (name: string): any =>
  JSON.parse(readFileSync(new URL(`factus-v1/${name}.json`, root), "utf8"));

/** The customer's seed request for POST /api/v1/invoices (its dv "7" is wrong on purpose). */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON
export const seedCreateRequest = (): any =>
  JSON.parse(readFileSync(new URL("seeds/create-invoice.request.json", root), "utf8"));
