import { defineConfig } from "vitest/config";

// Generous timeouts: the drift test runs openapi-typescript over the whole document, ~1 s alone and ~20 s on a
// machine whose cores are busy; only tests about timeouts may be short.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 120_000 } });
