import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate } from "../scripts/generate.mjs";
import * as sdk from "../src/index";

const snapshot = JSON.parse(
  readFileSync(new URL("../../../apps/edge/test/contract/openapi.snap.json", import.meta.url), "utf8"),
) as { paths: Record<string, Record<string, { operationId: string }>> };

describe("the SDK follows the gateway's OpenAPI document", () => {
  it("src/generated is what the document generates today (run `pnpm --filter @factus-edge/sdk generate`)", async () => {
    for (const [name, contents] of Object.entries(await generate())) {
      const committed = readFileSync(new URL(`../src/generated/${name}`, import.meta.url), "utf8");
      expect(committed, `src/generated/${name} is stale`).toBe(contents);
    }
  });

  it("exports one function per operation of the document", () => {
    const operationIds = Object.values(snapshot.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(operationIds.length).toBeGreaterThan(30);
    for (const id of operationIds) expect(typeof (sdk as Record<string, unknown>)[id], id).toBe("function");
  });
});
