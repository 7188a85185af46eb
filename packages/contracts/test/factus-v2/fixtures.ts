import { readdirSync, readFileSync } from "node:fs";

const root = new URL("../../../../fixtures/factus-v2/", import.meta.url);

/** A published Factus v2 example, by file name without `.json`. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are raw JSON, narrowed by each test
export const v2Example = (name: string): any =>
  JSON.parse(readFileSync(new URL(`${name}.json`, root), "utf8"));

/** The names (without `.json`) of every published v2 example file. */
export const v2ExampleNames = (): string[] =>
  readdirSync(root)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length));

/** A v2 reference table as extracted from the docs (`reference-tables/<name>.json`). */
export const v2ReferenceTable = (name: string): { code: string; name?: string; description?: string }[] =>
  JSON.parse(readFileSync(new URL(`reference-tables/${name}.json`, root), "utf8"));
