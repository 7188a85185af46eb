import { defineConfig } from "tsup";

// ESM + .d.ts for frontends outside the monorepo. No dependencies: the API's types are generated into src/.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  clean: true,
});
