import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export const TEST_JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

export default defineConfig({
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      wrangler: { configPath: "./wrangler.jsonc" },
      miniflare: {
        bindings: {
          // Upstream is the emulator that global-setup.ts starts on loopback: no hand-written stubs, no network.
          FACTUS_BASE_URL: inject<string>("emulatorUrl"),
          EMULATOR_ADMIN_SECRET: inject<string>("emulatorAdminSecret"),
          // Factus timeouts stay the deployed ones (wrangler.jsonc): a busy machine must not turn a slow emulator into
          // a failed test. The tests about timeouts build their own app with short ones (helpers.ts, shortTimeouts).
          JWT_SECRET: TEST_JWT_SECRET,
          FACTUS_CLIENT_ID: "emulator-client-id",
          FACTUS_CLIENT_SECRET: "emulator-client-secret",
          // Seals stored connections' tokens in the tests (32 bytes of zeros would do as well: never a real key).
          FACTUS_CONNECTION_KEYS: "t1:dGVzdC1rZXktb2YtdGhpcnR5LXR3by1ieXRlcy0hISE",
          // High so the fuzz and concurrency suites measure validation, not the limiter (tested on its own bindings).
          RATE_LIMIT_PER_MINUTE: "1000000",
          // The whole suite logs in from one "IP"; the spray test builds an app with a low limit of its own.
          LOGIN_ATTEMPTS_PER_IP_PER_15_MINUTES: "1000000",
          // Documents are re-sent by the background an hour after they go pending, so the lifecycle suites see DIAN
          // exactly as their faults arm it; the completion suite moves a job's time itself (test/completion).
          DOCUMENT_RETRY_SCHEDULE_SECONDS: "3600",
          // Webhooks are retried at once, then every second: the suite waits seconds, not Standard Webhooks' minutes.
          WEBHOOK_RETRY_SCHEDULE_SECONDS: "0,1",
          // The emulator's webhook receiver listens on loopback.
          WEBHOOK_ALLOW_PRIVATE_URLS: "true",
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
          CHAOS_SEED: process.env.CHAOS_SEED ?? "",
        },
        ratelimits: {
          // High for the same reason; the limiter's own test swaps in TEST_USER_RATE_LIMIT (5 a minute).
          USER_RATE_LIMIT: { namespace_id: "9001", simple: { limit: 1_000_000, period: 60 } },
          TEST_USER_RATE_LIMIT: { namespace_id: "9002", simple: { limit: 5, period: 60 } },
          COMPANY_LOOKUP_BUDGET: { namespace_id: "9003", simple: { limit: 1_000_000, period: 60 } },
          // The lookup budget's own test swaps this one in (2 pages a minute).
          TEST_COMPANY_LOOKUP_BUDGET: { namespace_id: "9004", simple: { limit: 2, period: 60 } },
        },
      },
    })),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/node/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
