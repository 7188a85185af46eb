import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, offlinePage } from "../lib/browser";
import { type Stack, startStack } from "../lib/stack";

describe("the docs page (GET /api/v1/docs) in Chromium, with no network", () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("renders the API's operations from the Worker's own assets, under its Content-Security-Policy", async () => {
    const { page, external, errors } = await offlinePage(browser);
    const response = await page.goto(`${stack.edgeUrl}/api/v1/docs`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");

    // Rendered from the OpenAPI document: a tag's description and an operation's summary.
    await page.getByRole("heading", { name: "Factus edge API" }).waitFor({ timeout: 30_000 });
    await page.getByText("Iniciar sesión en la API").first().waitFor();
    expect(await page.locator("body").textContent()).toContain("facturación electrónica colombiana");

    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("serves the pinned Scalar build as an immutable asset", async () => {
    const page = await (await fetch(`${stack.edgeUrl}/api/v1/docs`)).text();
    const src = page.match(/<script src="([^"]+)"/)?.[1];
    expect(src).toMatch(/^\/api\/v1\/docs\/assets\/scalar-\d+\.\d+\.\d+\.js$/);
    const asset = await fetch(`${stack.edgeUrl}${src}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(asset.headers.get("content-type")).toContain("javascript");
  });
});
