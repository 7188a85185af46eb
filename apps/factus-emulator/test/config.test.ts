import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config";
import { emulatorCredentials } from "../testing/helpers";

describe("configuration", () => {
  it("reads the Worker's variables (wrangler.jsonc, with vitest.config.ts' overrides)", () => {
    expect(readConfig(env)).toMatchObject({
      openAccounts: true,
      accessTokenTtl: 3600,
      rateLimitPerMinute: 1000,
      faultsEnabled: true,
      validatedReferenceResend: "reject",
      subscriptionDocuments: 3000,
      requireUserAgent: true,
      sharedV1Company: false,
      v2Rounding: "half-up",
      v2RejectedCreate: "422",
      v2RejectionBlocksRange: true,
      v2TotalIncludesCashRounding: false,
      v2ErrorsShape: "object",
    });
  });

  it("refuses a bad value with an error naming each variable, instead of falling back", () => {
    expect(() =>
      readConfig({
        ...env,
        RATE_LIMIT_PER_MINUTE: "80/min",
        FAULTS_ENABLED: "yes",
        SUBSCRIPTION_DOCUMENTS: "",
      }),
    ).toThrow(
      'Invalid emulator configuration: RATE_LIMIT_PER_MINUTE must be a positive whole number; FAULTS_ENABLED must be "true" or "false"; SUBSCRIPTION_DOCUMENTS must be a whole number',
    );
  });

  it("seeds the credentials the test kit signs in with", () => {
    expect(emulatorCredentials).toEqual({
      clientId: env.EMULATOR_CLIENT_ID,
      clientSecret: env.EMULATOR_CLIENT_SECRET,
      username: env.EMULATOR_USERNAME,
      password: env.EMULATOR_PASSWORD,
    });
  });
});
