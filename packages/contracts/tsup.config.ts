import { defineConfig } from "tsup";
import { publishedPackage } from "../../tsup.base";

// The ESM modules + .d.ts a frontend outside the monorepo installs (zod is a peer: one copy in the app).
export default defineConfig(publishedPackage);
