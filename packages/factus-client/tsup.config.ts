import { defineConfig } from "tsup";
import { publishedPackage } from "../../tsup.base";

// Contracts and zod stay dependencies (one copy of each).
export default defineConfig(publishedPackage);
