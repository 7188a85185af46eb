// The benchmark's Workers run under `wrangler dev`, started with the emulator package's own helper.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startWranglerDev, wranglerBin } from "factus-emulator/testing";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export { wranglerBin };

/** Starts `wrangler dev` for `dir` (relative to the repository root). */
export const startWrangler = (dir, options = {}) => startWranglerDev(join(root, dir), options);
