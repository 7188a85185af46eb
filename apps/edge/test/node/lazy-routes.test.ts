import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { experimental_readRawConfig } from "wrangler";

// The Worker as `wrangler deploy` bundles it, imported in a child Node process (a stand-in for `cloudflare:workers`)
// that counts the zod schema objects built at start-up and by each request, through zod's post-processing hook: a
// route module statically reachable from the entry would build its schemas with the isolate (routes/mounts.ts).

const edgeDir = fileURLToPath(new URL("../..", import.meta.url));
const wranglerBin = join(edgeDir, "node_modules/wrangler/bin/wrangler.js");

interface Counts {
  startup: number;
  requests: { path: string; status: number; built: number }[];
}

let dir: string;

function countSchemas(paths: string[]): Counts {
  const { rawConfig } = experimental_readRawConfig({ config: join(edgeDir, "wrangler.jsonc") });
  const env = {
    ...rawConfig.vars,
    JWT_SECRET: "lazy-routes-test-secret-that-is-long-enough-0123456789",
    FACTUS_CLIENT_ID: "id",
    FACTUS_CLIENT_SECRET: "secret",
    FACTUS_CONNECTION_KEYS: "t1:dGVzdC1rZXktb2YtdGhpcnR5LXR3by1ieXRlcy0hISE",
  };
  const worker = join(dir, "worker.mjs");
  writeFileSync(
    worker,
    readFileSync(join(dir, "index.js"), "utf8").replaceAll(
      '"cloudflare:workers"',
      '"data:text/javascript,export class DurableObject {}"',
    ),
  );
  const script = `
    let built = 0;
    globalThis.__zod_globalConfig = { postProcessor: () => built++ };
    const worker = (await import(${JSON.stringify(pathToFileURL(worker).href)})).default;
    const counts = { startup: built, requests: [] };
    const env = ${JSON.stringify(env)};
    for (const path of ${JSON.stringify(paths)}) {
      built = 0;
      const response = await worker.fetch(new Request("http://edge.test" + path), env, {
        waitUntil() {},
        passThroughOnException() {},
      });
      counts.requests.push({ path, status: response.status, built });
    }
    console.log(JSON.stringify(counts));`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr.slice(-2000));
  const lines = result.stdout.trim().split("\n");
  return JSON.parse(lines.at(-1)!) as Counts;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "edge-lazy-routes-"));
  const result = spawnSync(process.execPath, [wranglerBin, "deploy", "--dry-run", "--outdir", dir], {
    cwd: edgeDir,
    encoding: "utf8",
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) throw new Error(result.stderr.slice(-2000));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the Worker's routers load on demand", () => {
  it("starts without any route's schemas, and each router's first request builds only its own", () => {
    const counts = countSchemas([
      "/api/v1/health",
      "/api/v1/health",
      "/api/v1/invoices",
      "/api/v1/support-documents",
      "/api/v1/openapi.json",
    ]);
    const [health, healthAgain, invoices, supportDocuments, everything] = counts.requests;
    // The configuration's schema and the error envelope (134 when written); the whole API is about 3,900.
    expect(counts.startup).toBeLessThan(300);
    expect(health).toMatchObject({ status: 200 });
    expect(health!.built).toBeLessThan(300);
    expect(healthAgain!.built).toBe(0);
    // Unauthenticated: the router and its schemas load, then the request is refused.
    expect(invoices).toMatchObject({ status: 401 });
    expect(supportDocuments).toMatchObject({ status: 401 });
    // The OpenAPI document loads every router: what was left of the API after the three above.
    expect(everything).toMatchObject({ status: 200 });
    const whole =
      counts.startup + health!.built + invoices!.built + supportDocuments!.built + everything!.built;
    expect(counts.startup + health!.built + invoices!.built).toBeLessThan(whole * 0.6);
  });
});
