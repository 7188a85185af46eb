import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";

// The workerd suite proves the served document equals this snapshot; this proves the snapshot is valid OpenAPI 3.1.
describe("the committed OpenAPI snapshot", () => {
  it("validates against the OpenAPI 3.1 JSON schema", async () => {
    const document = JSON.parse(
      readFileSync(new URL("../contract/openapi.snap.json", import.meta.url), "utf8"),
    );
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });
});
