import { describe, expect, it } from "vitest";
import { transientNpmFailure } from "../lib/packages";

// What npm printed when the registry, not the packages, failed a run; and failures that must not be retried.
describe("which npm install failures are retried", () => {
  it.each([
    [
      "npm error code ERESOLVE\nnpm error ERESOLVE unable to resolve dependency tree\nnpm error Found: zod@undefined",
      "ERESOLVE, Found: zod@undefined",
    ],
    [
      "npm error code ETIMEDOUT\nnpm error network request to https://registry.npmjs.org/zod failed",
      "ETIMEDOUT",
    ],
    ["npm error code ECONNRESET\nnpm error network aborted", "ECONNRESET"],
    [
      "npm error code E503\nnpm error 503 Service Unavailable - GET https://registry.npmjs.org/zod",
      "HTTP 503",
    ],
    ["npm ERR! 502 Bad Gateway - GET https://registry.npmjs.org/typescript", "HTTP 502"],
  ])("retries %j", (output, reason) => {
    expect(transientNpmFailure(output)).toBe(reason);
  });

  it.each([
    "npm error code ERESOLVE\nnpm error Found: zod@3.25.76\nnpm error Could not resolve dependency: peer zod@^4.6.0",
    "npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/@factus-edge%2fnope",
    "npm error code ENOENT\nnpm error enoent Could not read package.json",
  ])("fails at once on %j", (output) => {
    expect(transientNpmFailure(output)).toBeUndefined();
  });
});
