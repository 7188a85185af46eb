import {
  connectEmulator,
  emulatorCredentials,
  exampleBill,
  faultHeaders,
  nitCustomer,
} from "factus-emulator/testing/helpers";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  FactusAuthenticationError,
  FactusClient,
  FactusConflictError,
  FactusConnectionError,
  FactusInvalidResponseError,
  FactusRateLimitError,
  FactusServerError,
  FactusTimeoutError,
  FactusValidationError,
} from "../src";
import { example } from "./fake-fetch";

// Integration: a real emulator on loopback (started by global-setup.ts), no network beyond it.
const baseURL = inject("emulatorUrl");
const credentials = emulatorCredentials;
const factus = new FactusClient({ baseURL, credentials });

let rangeId: number;
let prefix: string;
const bill = (overrides: Record<string, unknown> = {}) => exampleBill(rangeId, overrides);

beforeAll(async () => {
  prefix = `C${Math.floor(Math.random() * 900 + 100)}`;
  const range = await factus.numberingRanges.create({
    document: "21",
    prefix,
    current: 1,
    from: 1,
    to: 100_000,
    resolution_number: "18760000001",
    technical_key: "client-test-key",
  });
  rangeId = range.id;
});

describe("FactusClient against the emulator", () => {
  it("runs a bill's lifecycle with automatic tokens", async () => {
    const created = await factus.bills.create(bill());
    expect(created.bill).toMatchObject({ status: 1, total: "99000.00", number: `${prefix}1` });
    const fetched = await factus.bills.get(created.bill.number);
    expect(fetched.bill.cufe).toBe(created.bill.cufe);
    const pdf = await factus.bills.downloadPdf(created.bill.number);
    expect(atob(pdf.pdf_base_64_encoded).startsWith("%PDF-")).toBe(true);
    const xml = await factus.bills.downloadXml(created.bill.number);
    expect(atob(xml.xml_base_64_encoded)).toContain(created.bill.cufe!);
    expect(await factus.bills.sendEmail(created.bill.number, { email: "cliente@correo.local" })).toContain(
      "enviada",
    );
    expect((await factus.bills.emailContent(created.bill.number)).subject).toContain(created.bill.number);
    expect(await factus.bills.events(created.bill.number)).toEqual([]);

    const note = await factus.creditNotes.create({
      ...example("notas-credito__crear-y-validar.1"),
      numbering_range_id: undefined,
      bill_id: created.bill.id,
      reference_code: `NC-${created.bill.id}`,
    });
    expect(note.credit_note.number_bill).toBe(created.bill.number);
    expect((await factus.creditNotes.get(note.credit_note.number)).credit_note.id).toBe(note.credit_note.id);
    expect((await factus.company.get()).nit).toBe("900825759");
    expect(await factus.catalogs.municipalities("San Gil")).toHaveLength(1);
  });

  it("iterates every page of a list (more than 10 bills)", async () => {
    await Promise.all(Array.from({ length: 12 }, () => factus.bills.create(bill())));
    const page = await factus.bills.list({ prefix });
    expect(page.data).toHaveLength(10);
    expect(page.hasNextPage()).toBe(true);
    const numbers: string[] = [];
    for await (const row of page) numbers.push(row.number);
    expect(numbers.length).toBeGreaterThanOrEqual(13);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("maps a DIAN rejection to 422, the blocked range to 409, and recovers after delete", async () => {
    const rejected = bill({ customer: nitCustomer("7") });
    const rejection = await factus.bills.create(rejected).catch((error) => error);
    expect(rejection).toBeInstanceOf(FactusValidationError);
    expect(rejection.isDianRejection).toBe(true);
    expect(rejection.ruleErrors[0]).toMatchObject({ rule: "FAK24" });

    const blocked = await factus.bills.create(bill()).catch((error) => error);
    expect(blocked).toBeInstanceOf(FactusConflictError);
    expect(blocked.pendingDocument).toBe(true);

    expect(await factus.bills.delete(rejected.reference_code)).toContain("eliminado");
    expect((await factus.bills.create(bill({ customer: nitCustomer("8") }))).bill.status).toBe(1);
  });

  it("maps a refused token to FactusAuthenticationError and 429 to FactusRateLimitError", async () => {
    const anonymous = new FactusClient({ baseURL, accessToken: "not-a-token" });
    await expect(anonymous.company.get()).rejects.toBeInstanceOf(FactusAuthenticationError);
    const wrongPassword = new FactusClient({ baseURL, credentials: { ...credentials, password: "nope" } });
    await expect(wrongPassword.company.get()).rejects.toThrow();

    const limited = new FactusClient({
      baseURL,
      credentials,
      maxRetries: 0,
      defaultHeaders: faultHeaders("rate-limit=3"),
    });
    const error = await limited.catalogs.countries().catch((caught) => caught);
    expect(error).toBeInstanceOf(FactusRateLimitError);
    expect(error.retryAfter).toBe(3);
  });

  it("retries a GET past a 502 armed on the emulator, then answers", async () => {
    const emulator = connectEmulator({ url: baseURL, adminSecret: inject("emulatorAdminSecret") });
    await emulator.armFault("status=502", { pathPrefix: "/v1/company", times: 2 });
    const once = new FactusClient({ baseURL, credentials, maxRetries: 0 });
    await expect(once.company.get()).rejects.toBeInstanceOf(FactusServerError);
    const retrying = new FactusClient({ baseURL, credentials, maxRetries: 1, maxRetryDelay: 20 });
    expect((await retrying.company.get()).nit).toBe("900825759");
  });

  it("turns injected faults into the right errors", async () => {
    const token = (await factus.auth.passwordGrant(credentials)).access_token;
    const faulty = (fault: string, extra: object = {}) =>
      new FactusClient({
        baseURL,
        accessToken: token,
        maxRetries: 1,
        maxRetryDelay: 20,
        defaultHeaders: faultHeaders(fault),
        ...extra,
      });
    await expect(faulty("status=503").company.get()).rejects.toBeInstanceOf(FactusServerError);
    await expect(faulty("malformed-json").company.get()).rejects.toBeInstanceOf(FactusInvalidResponseError);
    await expect(faulty("drop").company.get()).rejects.toBeInstanceOf(FactusConnectionError);
    await expect(
      faulty("latency=2000", { timeout: 200, maxRetries: 0 }).company.get(),
    ).rejects.toBeInstanceOf(FactusTimeoutError);
  });
});
