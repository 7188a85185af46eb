import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ImportCost, importCost, kib } from "../lib/bundle-size";
import { installInFreshProject, PUBLISHABLE, packAll, packageDir, run } from "../lib/packages";
import { root, type Stack, startStack } from "../lib/stack";

const bin = (name: string) => join(root, "e2e", "node_modules", ".bin", name);

describe("the publishable packages, packed and installed with npm outside the workspace", () => {
  let tarballs: string[];
  let project: string;
  let stack: Stack;
  beforeAll(async () => {
    const starting = startStack();
    tarballs = packAll();
    // zod and TypeScript from the registry, at the versions a user would pick (zod is a peer dependency).
    project = await installInFreshProject(tarballs, ["zod@^4.6.0", "typescript@5.9.3"]);
    for (const file of ["use.mjs", "check.ts"])
      copyFileSync(join(root, "e2e", "consumer", file), join(project, file));
    stack = await starting;
    // Building the three packages (one module and .d.ts per source file), packing them and installing from the
    // registry took 3 minutes in a fresh clone; a busy machine or a slow registry takes longer.
  }, 600_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it.each(PUBLISHABLE)("%s passes publint (strict)", (name) => {
    expect(() => run(bin("publint"), ["--pack", "pnpm", "--strict"], packageDir(name))).not.toThrow();
  });

  it("every tarball's types resolve for ESM consumers (are-the-types-wrong)", () => {
    for (const tarball of tarballs)
      expect(() =>
        run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "ascii"], root),
      ).not.toThrow();
  });

  it("installs one zod, the consumer's, and ships no workspace ranges", () => {
    const tree = JSON.parse(run("npm", ["ls", "zod", "--all", "--json"], project));
    const versions = new Set<string>();
    const walk = (node: { version?: string; dependencies?: Record<string, unknown> }, name?: string) => {
      if (name === "zod" && node.version) versions.add(node.version);
      for (const [child, value] of Object.entries(node.dependencies ?? {})) walk(value as typeof node, child);
    };
    walk(tree);
    expect(versions.size).toBe(1);
    expect(run("npm", ["ls", "--all"], project)).not.toContain("workspace:");
  });

  it("works from Node: contracts, the Factus client against the emulator, the SDK against the gateway", () => {
    const output = run("node", ["use.mjs"], project, {
      EDGE_URL: stack.edgeUrl,
      EMULATOR_URL: stack.emulatorUrl,
      DEMO_EMAIL: stack.demoUser.email,
      DEMO_PASSWORD: stack.demoUser.password,
    });
    const seen = JSON.parse(output.trim().split("\n").at(-1) ?? "");
    expect(seen).toMatchObject({
      nitCheckDigit: 8,
      factusSubpath: true,
      total: "1000000.00",
      totalsAgree: true,
      consumerMessage: "configured by the consumer",
      created: { number: expect.stringMatching(/^SETP\d+$/), dian_status: "validated", total: 1000000 },
      detailCufe: true,
      missing: { isEdgeApiError: true, status: 404, code: "NOT_FOUND" },
    });
    expect(seen.rangeCount).toBeGreaterThan(0);
  }, 60_000);

  it("tree-shakes: a frontend bundling one function from the tarball ships that function, not every schema", async () => {
    const imports = {
      nitCheckDigit: 'export { nitCheckDigit } from "@factus-edge/contracts";\n',
      "CreateInvoiceRequest + computeInvoiceTotals":
        'export { CreateInvoiceRequest, computeInvoiceTotals } from "@factus-edge/contracts";\n',
    };
    const costs: Record<string, ImportCost> = {};
    for (const [name, source] of Object.entries(imports))
      costs[name] = await importCost(project, name.replace(/\W+/g, "-"), source);
    const report = {
      method:
        "installed tarballs, bundled with zod: esbuild (minified, browser ESM) and Vite (library mode, ES, minify: true); gzip",
      gzip_kib: Object.fromEntries(
        Object.entries(costs).map(([name, cost]) => [
          name,
          { esbuild: kib(cost.esbuild), vite: kib(cost.vite) },
        ]),
      ),
    };
    writeFileSync(join(project, "tree-shaking.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      [
        JSON.stringify(report, null, 2),
        "| import | esbuild | Vite |",
        "|---|---|---|",
        ...Object.entries(report.gzip_kib).map(
          ([name, kb]) => `| ${name} | ${kb.esbuild} KiB | ${kb.vite} KiB |`,
        ),
      ].join("\n"),
    );
    const nit = costs.nitCheckDigit!;
    // One published bundle cost 47.3 KiB here (esbuild), 37.9 KiB with Rollup: every schema came along.
    expect(nit.esbuild, JSON.stringify(report)).toBeLessThanOrEqual(2048);
    expect(nit.vite, JSON.stringify(report)).toBeLessThanOrEqual(2048);
    // BENCHMARKS.md's budget for a frontend's contracts import, met from the tarball as well as from source.
    const form = costs["CreateInvoiceRequest + computeInvoiceTotals"]!;
    expect(Math.max(form.esbuild, form.vite), JSON.stringify(report)).toBeLessThanOrEqual(40 * 1024);
  }, 120_000);

  it("type-checks a consumer's TypeScript with tsc (strict, NodeNext), refusals included", () => {
    const args = ["tsc", "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext"];
    expect(() =>
      run(
        "npx",
        [...args, "--target", "es2022", "--lib", "es2023,dom", "--skipLibCheck", "false", "check.ts"],
        project,
      ),
    ).not.toThrow();
  });
});
