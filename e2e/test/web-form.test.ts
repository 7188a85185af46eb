import { freePort } from "factus-emulator/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, offlinePage } from "../lib/browser";
import { type Stack, startStack } from "../lib/stack";
import { startWeb } from "../lib/web";

describe("the invoice form (apps/web) in Chromium, against the gateway and the emulator", () => {
  let stack: Stack;
  let web: Awaited<ReturnType<typeof startWeb>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let external: string[];
  const reference = `WEB-${Date.now()}`;

  beforeAll(async () => {
    const port = await freePort();
    // The page is another origin than the API: CORS must allow it, as wrangler.jsonc does for :5173.
    [stack, browser] = await Promise.all([
      startStack({ corsOrigins: [`http://127.0.0.1:${port}`] }),
      launchChromium(),
    ]);
    web = await startWeb(port, stack.edgeUrl);
    ({ page, errors, external } = await offlinePage(browser));
    await page.goto(web.url, { waitUntil: "networkidle" });
  });
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await stack?.stop();
  });

  const field = (label: string) => page.getByLabel(label, { exact: true });
  const item = (name: string) => page.locator(`[data-field="${name}"]`).first();
  const errorFor = (path: string) => page.locator(`[data-error-for="${path}"]`);
  // Intl writes "$ 1.000,00" with a no-break space.
  const amount = async (id: string) => (await page.locator(id).textContent())?.replace(/\s/g, " ");

  it("logs in to the API and to Factus", async () => {
    await field("Correo de la API").fill(stack.demoUser.email);
    await field("Contraseña").fill(stack.demoUser.password);
    await field("Usuario de Factus").fill("web-form@factus.local");
    await field("Contraseña de Factus").fill("sandbox-password");
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await page.locator("#invoice-form").waitFor({ state: "visible" });
    expect(await page.locator("#session").isHidden()).toBe(true);
  });

  it("shows the expected check digit when the DV typed is wrong", async () => {
    await field("Número").fill("900123456");
    await field("DV").fill("7");
    await expect.poll(() => errorFor("customer.dv").textContent()).toContain("es 8, no 7");
    expect(await page.locator("#dv-hint").textContent()).toBe("DV calculado: 8");
    await field("DV").fill("8");
    await expect.poll(() => errorFor("customer.dv").count()).toBe(0);
  });

  it("finds a municipality in the contracts' catalog, accents or not", async () => {
    await page.locator("#municipality-search").fill("MEDELLÍN");
    await page.getByRole("button", { name: /^Medellin \(Antioquia\)/ }).click();
    expect(await page.locator("#municipality-search").inputValue()).toBe("Medellin (Antioquia)");
    expect(await page.locator('[name="customer.municipality_id"]').inputValue()).toBe("05001");
  });

  it("totals to the cent as the user types (prices include VAT)", async () => {
    await field("Código de referencia").fill(reference);
    await field("Razón social").fill("Acme Corporation S.A.S.");
    await field("Correo").fill("compras@acme.com.co");
    await item("code_reference").fill("PROD-001");
    await item("name").fill("Licencia de software");
    await item("price").fill("1190000");
    await expect.poll(() => amount("#total-total")).toBe("$ 1.190.000,00");
    expect(await amount("#total-tax")).toBe("$ 190.000,00");
    await item("quantity").fill("3");
    await item("discount_rate").fill("10");
    // 3 × 1,190,000 = 3,570,000 with VAT; base 3,000,000 − 10 % = 2,700,000; VAT 513,000.
    await expect.poll(() => amount("#total-total")).toBe("$ 3.213.000,00");
    expect(await amount("#total-gross")).toBe("$ 2.700.000,00");
  });

  it("with net prices (the price-mode switch) totals the seed's detail: 1,000,000 + 19 % = 1,190,000", async () => {
    await item("quantity").fill("1");
    await item("discount_rate").fill("0");
    await item("price").fill("1000000");
    await page.locator("#price-mode").selectOption("false");
    await expect.poll(() => amount("#total-total")).toBe("$ 1.190.000,00");
    expect(await amount("#total-gross")).toBe("$ 1.000.000,00");
    expect(await page.locator("#price-heading").textContent()).toBe("Precio (sin IVA)");
    // Back to the form's default mode and the figures the next steps expect.
    await page.locator("#price-mode").selectOption("true");
    await item("price").fill("1190000");
    await item("quantity").fill("3");
    await item("discount_rate").fill("10");
    await expect.poll(() => amount("#total-total")).toBe("$ 3.213.000,00");
  });

  it("submits through the SDK and shows the invoice's number, CUFE, DIAN status and PDF", async () => {
    await page.getByRole("button", { name: "Emitir factura" }).click();
    await page.locator("#result").waitFor({ state: "visible" });
    expect(await page.locator("#result-number").textContent()).toMatch(/^SETP\d+$/);
    expect(await page.locator("#result-cufe").textContent()).toMatch(/^[0-9a-f]{96}$/);
    expect(await page.locator("#result-status").textContent()).toBe("Validada por la DIAN");
    await page.locator("#result-pdf").waitFor({ state: "visible" });
    expect(await page.locator("#result-pdf").getAttribute("href")).toMatch(/^blob:/);
  });

  it("shows the gateway's own error in Spanish: the reference code already names another invoice", async () => {
    await item("price").fill("50000"); // same reference, another total
    await page.getByRole("button", { name: "Emitir factura" }).click();
    await expect
      .poll(() => page.locator("#form-error").textContent())
      .toMatch(
        new RegExp(
          `^El código de referencia ${reference} ya es del documento SETP\\d+, con otro cliente o total`,
        ),
      );
  });

  it("made no request off this machine and logged no error", () => {
    expect(external).toEqual([]);
    // The 409 above is logged by Chromium as a failed resource load; nothing else may be.
    expect(errors.filter((message) => !message.includes("409"))).toEqual([]);
  });
});
