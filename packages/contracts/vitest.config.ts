import { defineConfig } from "vitest/config";

// Property tests run thousands of cases: on a machine whose cores are busy they take many times their quiet time, so
// the default 5 s timeout would fail them for nothing (only tests about timeouts may be short).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "test/tsconfig.json" },
  },
});
