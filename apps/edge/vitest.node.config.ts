import { defineConfig } from "vitest/config";

// Checks that need Node (the OpenAPI 3.1 schema validator compiles code, which Workers forbid).
export default defineConfig({ test: { include: ["test/node/**/*.test.ts"] } });
