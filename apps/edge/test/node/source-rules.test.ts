import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Rules of the edge's source that a type checker cannot see: money never goes through a float, and each folder
// imports only the ones below it (index → app → routes → the document lifecycle → {factus, auth} → platform).

const src = fileURLToPath(new URL("../../src", import.meta.url));
const files = (readdirSync(src, { recursive: true }) as string[])
  .filter((file) => file.endsWith(".ts"))
  .map((file) => ({ path: file, text: readFileSync(join(src, file), "utf8") }));

/** Float money: scaling by 100 through Number/Math, `toFixed`, or parseFloat. Money is bigint cents (documents/money.ts). */
const FLOAT_MONEY = [
  /Number\([^)]*\)\s*[*/]\s*100\b/,
  /Math\.round\([^)]*\*\s*100\b/,
  /\*\s*100\)\s*\/\s*100/,
  /\.toFixed\(/,
  /parseFloat\(/,
];

/**
 * The document lifecycle and what it owns: creating and reading documents, finishing them in the background, the
 * ledger of what was issued, the webhooks that tell it, and batches of them. One tier: each uses the others.
 */
const LIFECYCLE = ["documents", "completion", "ledger", "webhooks", "batches"] as const;
const FOLDERS = ["platform", "auth", "factus", ...LIFECYCLE, "routes"] as const;
/** The folders each one may import; `auth` and `factus` are side by side, neither knows the other. */
const lifecycle = [...LIFECYCLE, "factus", "auth", "platform"];
const MAY_IMPORT: Record<(typeof FOLDERS)[number], string[]> = {
  platform: ["platform"],
  auth: ["auth", "platform"],
  factus: ["factus", "platform"],
  documents: lifecycle,
  completion: lifecycle,
  ledger: lifecycle,
  webhooks: lifecycle,
  batches: lifecycle,
  routes: ["routes", ...lifecycle],
};

describe("the edge's source", () => {
  it("does no money arithmetic in floating point", () => {
    const found = files.flatMap(({ path, text }) =>
      text
        .split("\n")
        .flatMap((line, index) =>
          FLOAT_MONEY.some((pattern) => pattern.test(line)) ? [`${path}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });

  it("catches float money when it is there (the rule's own control case)", () => {
    const line = "const money = (v: string) => Math.round(Number(v) * 100) / 100;";
    expect(FLOAT_MONEY.some((pattern) => pattern.test(line))).toBe(true);
  });

  it("has no lib/ and no import running back up the layers", () => {
    expect(files.filter(({ path }) => path.split(/[\\/]/)[0] === "lib")).toEqual([]);
    const wrong = files.flatMap(({ path, text }) => {
      const folder = path.split(/[\\/]/)[0] as (typeof FOLDERS)[number];
      if (!FOLDERS.includes(folder)) return [];
      return [...text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)].flatMap(([, specifier]) => {
        const target = relative(src, join(src, path, "..", specifier!)).split(/[\\/]/)[0]!;
        return MAY_IMPORT[folder].includes(target) ? [] : [`${path} imports ${specifier}`];
      });
    });
    expect(wrong).toEqual([]);
  });

  it("imports the contracts and the Factus client by module, never through a package's entry", () => {
    // A bundler initializes an entry whole, every schema it re-exports included: one such import would make the first
    // request of any router build the whole API's schemas (routes/mounts.ts, test/node/lazy-routes.test.ts).
    const entries = files.flatMap(({ path, text }) =>
      [...text.matchAll(/from "(@factus-edge\/(?:contracts|factus-client)(?:\/factus|\/factus-v2)?)"/g)].map(
        ([, specifier]) => `${path} imports ${specifier}`,
      ),
    );
    expect(entries).toEqual([]);
  });
});
