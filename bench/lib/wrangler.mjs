// The benchmark's Workers run under `wrangler dev`, started with the emulator package's own helper.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startWranglerDev, wranglerBin } from "factus-emulator/testing";
import { experimental_readRawConfig } from "wrangler";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export { wranglerBin };

/** Starts `wrangler dev` for `dir` (relative to the repository root). */
export const startWrangler = (dir, options = {}) => startWranglerDev(join(root, dir), options);

/**
 * The edge's wrangler.jsonc with its per-user limit raised, written into `dir`: a load test from one user would
 * otherwise measure the limiter's 429s. Paths become absolute, since wrangler resolves them from the file's folder.
 */
export function edgeConfigForLoad(dir) {
  const edge = join(root, "apps/edge");
  const { rawConfig } = experimental_readRawConfig({ config: join(edge, "wrangler.jsonc") });
  const { $schema: _schema, env: _environments, ...config } = rawConfig;
  const file = join(dir, "wrangler.json");
  const loadConfig = {
    ...config,
    main: join(edge, config.main),
    assets: { ...config.assets, directory: join(edge, config.assets.directory) },
    d1_databases: config.d1_databases.map((db) => ({ ...db, migrations_dir: join(edge, db.migrations_dir) })),
    ratelimits: config.ratelimits.map((limit) => ({
      ...limit,
      simple: { ...limit.simple, limit: 100_000_000 },
    })),
  };
  writeFileSync(file, JSON.stringify(loadConfig, null, 2));
  return file;
}
