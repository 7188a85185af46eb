import { defineConfig } from "tsup";
import { publishedPackage } from "../../tsup.base";

// No dependencies: the API's types are generated into src/.
export default defineConfig(publishedPackage);
