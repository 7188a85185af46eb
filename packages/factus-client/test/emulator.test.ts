import {
  connectEmulator,
  type EmulatorConnection,
  emulatorCredentials,
  exampleBill,
  faultHeaders,
  nitCustomer,
} from "factus-emulator/testing/helpers";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  documentView,
  FactusAuthenticationError,
  FactusClient,
  FactusConflictError,
  FactusConnectionError,
  FactusInvalidResponseError,
  FactusRateLimitError,
  FactusServerError,
  FactusTimeoutError,
  FactusValidationError,
  FactusVersionError,
} from "../src";
import { example, v2Example } from "./fake-fetch";

// Integration: a real emulator on loopback (started by global-setup.ts), no network beyond it. The suite runs once
// per Factus API version, each on an account of that version.

interface Account {
  version: "v1" | "v2";
  /** A username of its own (the emulator opens an isolated company per username). */
  username: string;
  /** Makes the account one of its version. */
  enable(emulator: EmulatorConnection): Promise<unknown>;
}

const ACCOUNTS: Account[] = [
  { version: "v1", username: emulatorCredentials.username, enable: async () => undefined },
  {
    version: "v2",
    // With open accounts, the emulator opens a username containing "v2" as a Factus v2 company.
    username: "client-v2@factus.local",
    enable: async () => undefined,
  },
];

const baseURL = inject("emulatorUrl");
const adminSecret = inject("emulatorAdminSecret");

describe.each(ACCOUNTS)("FactusClient against the emulator, $version account", (account) => {
  const credentials = { ...emulatorCredentials, username: account.username };
  const emulator = connectEmulator({ url: baseURL, adminSecret, account: account.username });
  const factus = new FactusClient({ baseURL, credentials, apiVersion: "auto" });
  const v2 = account.version === "v2";
  /** The seeded issuer on v1 (the suites share it); a v2 account is a company of its own, with its own NIT. */
  const issuerNit = v2 ? "929204300" : "900825759";
  /** The account's company route, for faults armed on it. */
  const companyPath = v2 ? "/v2/companies" : "/v1/company";

  let rangeId: number;
  let prefix: string;

  beforeAll(async () => {
    await account.enable(emulator);
    prefix = `C${Math.floor(Math.random() * 900 + 100)}`;
    const resolution = { document: "21", prefix, current: 1, resolution_number: "18760000001" };
    const range = await factus.numberingRanges.create(
      v2 ? resolution : { ...resolution, from: 1, to: 100_000, technical_key: "client-test-key" },
    );
    rangeId = range.id;
  });

  /** A bill of this account's version that DIAN validates, on the suite's range. */
  const createBill = async () => {
    const reference_code = `REF-${crypto.randomUUID().slice(0, 12)}`;
    const bill = v2
      ? await factus.bills.createV2({
          ...v2Example("facturas__crear-y-validar.1"),
          numbering_range_id: rangeId,
          reference_code,
        })
      : await factus.bills.create(exampleBill(rangeId, { reference_code }));
    return { bill, view: documentView(bill) };
  };

  /** A credit note of this account's version on a bill `createBill` made, crediting the published example's lines. */
  const creditNoteOn = (created: Awaited<ReturnType<typeof createBill>>, reference_code: string) =>
    created.bill.apiVersion === "v2"
      ? factus.creditNotes.createV2({
          ...v2Example("notas-credito__crear-y-validar.1"),
          numbering_range_id: undefined,
          bill_number: created.view.number,
          reference_code,
        })
      : factus.creditNotes.create({
          ...example("notas-credito__crear-y-validar.1"),
          numbering_range_id: undefined,
          bill_id: created.bill.bill.id,
          reference_code,
        });

  it("learns the account's version with at most one extra call", async () => {
    let sent = 0;
    const counting: typeof fetch = (input, init) => {
      sent++;
      return fetch(input, init);
    };
    const token = (await factus.auth.passwordGrant(credentials)).access_token;
    const auto = new FactusClient({ baseURL, accessToken: token, fetch: counting, apiVersion: "auto" });
    expect((await auto.company.get()).apiVersion).toBe(account.version);
    expect(sent).toBe(v2 ? 2 : 1);
    await auto.company.get();
    await auto.numberingRanges.dian();
    expect(sent).toBe(v2 ? 4 : 3);
    expect(await auto.apiVersionOf()).toBe(account.version);
    expect(sent).toBe(v2 ? 4 : 3);
  });

  it("runs a bill's lifecycle with automatic tokens", async () => {
    const { bill, view } = await createBill();
    // The published examples' totals: v1's tax-inclusive "advanced" bill, v2's 70,000 net + 19 % IVA.
    const total = v2 ? "83300.00" : "99000.00";
    expect(view).toMatchObject({ apiVersion: account.version, isValidated: true, prefix, total });
    expect(view.number).toBe(`${prefix}1`);
    const fetched = documentView(await factus.bills.get(view.number));
    expect(fetched.key).toBe(view.key);
    const pdf = await factus.bills.downloadPdf(view.number);
    expect(atob(pdf.pdf_base_64_encoded).startsWith("%PDF-")).toBe(true);
    const xml = await factus.bills.downloadXml(view.number);
    expect(atob(xml.xml_base_64_encoded)).toContain(view.key);
    const sent = await factus.bills.sendEmail(view.number, { email: "cliente@correo.local" });
    if (!v2) expect(sent).toContain("enviada");
    expect(await emulator.emails(view.number)).toContainEqual(
      expect.objectContaining({ email: "cliente@correo.local" }),
    );
    expect((await factus.bills.emailContent(view.number)).subject).toContain(view.number);
    expect(await factus.bills.events(view.number)).toEqual([]);

    const reference_code = `NC-${view.number}`;
    const note = await creditNoteOn({ bill, view }, reference_code);
    const noteView = documentView(note);
    expect(noteView.referenceCode).toBe(reference_code);
    const correctedBill = note.apiVersion === "v2" ? note.related_bill?.number : note.credit_note.number_bill;
    expect(correctedBill).toBe(view.number);
    const fetchedNote = documentView(await factus.creditNotes.get(noteView.number));
    expect([fetchedNote.number, fetchedNote.key]).toEqual([noteView.number, noteView.key]);
    expect((await factus.company.get()).nit).toBe(issuerNit);
    expect(await factus.catalogs.municipalities("San Gil")).toHaveLength(1);
  });

  it("serves every other resource on this version: notes, ranges, catalogs, acquirer, subscriptions", async () => {
    const created = await createBill();
    const { view } = created;
    const reference_code = `NC2-${view.number}`;
    const note = documentView(await creditNoteOn(created, reference_code));
    const notes = await factus.creditNotes.list({ reference_code });
    expect(notes.data.map((row) => row.number)).toEqual([note.number]);
    expect(atob((await factus.creditNotes.downloadPdf(note.number)).pdf_base_64_encoded)).toMatch(/^%PDF-/);
    expect(atob((await factus.creditNotes.downloadXml(note.number)).xml_base_64_encoded)).toContain(note.key);
    await factus.creditNotes.sendEmail(note.number, { email: "cliente@correo.local" });
    expect((await factus.creditNotes.emailContent(note.number)).subject).toContain(note.number);

    // Debit notes exist on v2 only: on a v1 account the client refuses before sending.
    if (v2) {
      const debit = await factus.debitNotes.create({
        ...v2Example("notas-debito__crear-y-validar.1"),
        numbering_range_id: undefined,
        bill_number: view.number,
        reference_code: `ND-${view.number}`,
        // The published example pays 119,000.00 for lines that come to 83,300.00; v2 refuses a payment that differs.
        payment_details: [{ payment_form: "1", payment_method_code: "10", amount: "83300.00" }],
      });
      expect((await factus.debitNotes.get(debit.number)).number).toBe(debit.number);
      expect((await factus.debitNotes.list({ reference_code: `ND-${view.number}` })).data).toHaveLength(1);
    } else {
      await expect(factus.debitNotes.list()).rejects.toBeInstanceOf(FactusVersionError);
    }

    const range = await factus.numberingRanges.get(rangeId);
    expect(range).toMatchObject({ id: rangeId, prefix });
    expect((await factus.numberingRanges.list({})).map((entry) => entry.id)).toContain(rangeId);
    expect((await factus.numberingRanges.dian()).length).toBeGreaterThan(0);
    const spare = await factus.numberingRanges.create(
      v2
        ? { document: "21", prefix: "SPR", current: 1, resolution_number: "18760000002" }
        : { document: "21", prefix: "SPR", current: 1, from: 1, to: 10, resolution_number: "18760000002" },
    );
    expect((await factus.numberingRanges.updateCurrent(spare.id, 5)).current).toBe(5);
    // Factus v1 has no toggle: the client refuses it before sending.
    if (v2) expect((await factus.numberingRanges.toggleStatus(spare.id)).is_active).toBe(0);
    else
      await expect(factus.numberingRanges.toggleStatus(spare.id)).rejects.toBeInstanceOf(FactusVersionError);
    await factus.numberingRanges.delete(spare.id);

    expect(await factus.catalogs.countries("Colombia")).toContainEqual(
      expect.objectContaining({ code: "CO" }),
    );
    expect(await factus.catalogs.tributes("IVA")).toContainEqual(expect.objectContaining({ code: "01" }));
    expect(await factus.catalogs.measurementUnits("kilogramo")).toContainEqual(
      expect.objectContaining({ code: "KGM" }),
    );
    const acquirer = await factus.catalogs.acquirer({
      identificationDocumentId: 6,
      identificationNumber: "900825759",
    });
    expect(acquirer).toBeDefined();
    const subscription = await factus.subscriptions.current();
    expect(subscription.apiVersion).toBe(account.version);
    expect((await factus.subscriptions.list()).length).toBeGreaterThan(0);
  });

  it("iterates every page of a list (more than 10 bills)", async () => {
    await Promise.all(Array.from({ length: 12 }, () => createBill()));
    const page = await factus.bills.list({ prefix });
    expect(page.data).toHaveLength(10);
    expect(page.hasNextPage()).toBe(true);
    const numbers: string[] = [];
    for await (const row of page) numbers.push(row.number);
    expect(numbers.length).toBeGreaterThanOrEqual(13);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  // v1's DIAN rejection and range block; what v2 answers to a rejected create is not published (SPEC §7).
  it.skipIf(v2)(
    "maps a DIAN rejection to 422, the blocked range to 409, and recovers after delete",
    async () => {
      const bill = (overrides: Record<string, unknown>) => exampleBill(rangeId, overrides);
      const rejected = bill({ customer: nitCustomer("7") });
      const rejection = await factus.bills.create(rejected).catch((error) => error);
      expect(rejection).toBeInstanceOf(FactusValidationError);
      expect(rejection.isDianRejection).toBe(true);
      expect(rejection.ruleErrors[0]).toMatchObject({ rule: "FAK24" });

      const blocked = await factus.bills.create(bill({})).catch((error) => error);
      expect(blocked).toBeInstanceOf(FactusConflictError);
      expect(blocked.pendingDocument).toBe(true);

      expect(await factus.bills.delete(rejected.reference_code)).toContain("eliminado");
      const recovered = await factus.bills.create(bill({ customer: nitCustomer("8") }));
      expect(recovered.bill.status).toBe(1);
    },
  );

  it("maps a refused token to FactusAuthenticationError and 429 to FactusRateLimitError", async () => {
    const anonymous = new FactusClient({
      baseURL,
      accessToken: "not-a-token",
      apiVersion: account.version,
    });
    await expect(anonymous.company.get()).rejects.toBeInstanceOf(FactusAuthenticationError);
    const wrongPassword = new FactusClient({ baseURL, credentials: { ...credentials, password: "nope" } });
    await expect(wrongPassword.company.get()).rejects.toThrow();

    const limited = new FactusClient({
      baseURL,
      credentials,
      apiVersion: account.version,
      maxRetries: 0,
      defaultHeaders: faultHeaders("rate-limit=3"),
    });
    const error = await limited.company.get().catch((caught) => caught);
    expect(error).toBeInstanceOf(FactusRateLimitError);
    expect(error.retryAfter).toBe(3);
  });

  it("retries a GET past a 502 armed on the emulator, then answers", async () => {
    await emulator.armFault("status=502", { pathPrefix: companyPath, times: 2 });
    const pinned = { baseURL, credentials, apiVersion: account.version };
    const once = new FactusClient({ ...pinned, maxRetries: 0 });
    await expect(once.company.get()).rejects.toBeInstanceOf(FactusServerError);
    const retrying = new FactusClient({ ...pinned, maxRetries: 1, maxRetryDelay: 20 });
    expect((await retrying.company.get()).nit).toBe(issuerNit);
  });

  it("turns injected faults into the right errors", async () => {
    const token = (await factus.auth.passwordGrant(credentials)).access_token;
    const faulty = (fault: string, extra: object = {}) =>
      new FactusClient({
        baseURL,
        accessToken: token,
        apiVersion: account.version,
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

  it("issues, reads, prints and deletes support documents and their adjustment notes", async () => {
    // Ranges of the suite's own (24 support documents, 25 adjustment notes), so no other suite's document blocks them.
    const rangeOf = async (document: "24" | "25") =>
      (
        await factus.numberingRanges.create(
          v2
            ? {
                document,
                prefix: `S${document}${Math.floor(Math.random() * 9)}`,
                current: 1,
                resolution_number: "18760000009",
              }
            : {
                document,
                prefix: `S${document}`,
                current: 1,
                from: 1,
                to: 100_000,
                resolution_number: "18760000009",
              },
        )
      ).id;
    const supportRange = await rangeOf("24");
    const noteRange = await rangeOf("25");
    const reference = () => `DS-${crypto.randomUUID().slice(0, 12)}`;
    const createSupport = async (reference_code: string, fault?: string) => {
      const options = fault ? { headers: faultHeaders(fault) } : {};
      if (!v2) {
        const created = await factus.supportDocuments.create(
          {
            ...example("documentos-soporte__crear-validar.1"),
            numbering_range_id: supportRange,
            reference_code,
          },
          options,
        );
        return {
          number: created.support_document.number,
          id: created.support_document.id,
          validated: created.support_document.status === 1,
          total: created.support_document.total,
        };
      }
      const created = await factus.supportDocuments.createV2(
        {
          ...v2Example("documentos-soporte__crear-validar.1"),
          numbering_range_id: supportRange,
          reference_code,
          // The published example pays 80,000.00 for 95,200.00 (2 × 50,000 − 20 % + 19 % IVA); v2 refuses that.
          payment_details: [{ payment_form: "1", payment_method_code: "10", amount: "95200.00" }],
        },
        options,
      );
      return { number: created.number, id: 0, validated: created.is_validated, total: created.totals.total };
    };

    const support = await createSupport(reference());
    expect(support).toMatchObject({ validated: true, total: v2 ? "95200.00" : "90000.00" });
    const fetched = await factus.supportDocuments.get(support.number);
    expect(fetched.apiVersion).toBe(account.version);
    if (fetched.apiVersion === "v2") expect(fetched.cuds).toMatch(/^[0-9a-f]{96}$/);
    else expect(fetched.support_document.cuds).toMatch(/^[0-9a-f]{96}$/);
    const page = await factus.supportDocuments.list({ number: support.number });
    expect(page.data.map((row) => row.number)).toEqual([support.number]);
    expect(atob((await factus.supportDocuments.downloadPdf(support.number)).pdf_base_64_encoded)).toMatch(
      /^%PDF-/,
    );
    expect(atob((await factus.supportDocuments.downloadXml(support.number)).xml_base_64_encoded)).toContain(
      "CUDS-SHA384",
    );
    await expect(factus.supportDocuments.delete("no-such-reference")).rejects.toThrow();

    const noteReference = reference();
    const note = v2
      ? await factus.adjustmentNotes.createV2({
          ...v2Example("notas-ajuste-documentos-soporte__crear-validar.1"),
          numbering_range_id: noteRange,
          reference_code: noteReference,
          support_document_number: support.number,
        })
      : await factus.adjustmentNotes.create({
          reference_code: noteReference,
          numbering_range_id: noteRange,
          support_document_id: support.id,
          correction_concept_code: "2",
          provider: example("documentos-soporte__crear-validar.1").provider,
          items: [example("documentos-soporte__crear-validar.1").items[0]],
        });
    const noteNumber = note.apiVersion === "v2" ? note.number : note.adjustment_note.number;
    const corrected =
      note.apiVersion === "v2" ? note.support_document?.number : note.adjustment_note.support_document_number;
    expect(corrected).toBe(support.number);
    expect((await factus.adjustmentNotes.get(noteNumber)).apiVersion).toBe(account.version);
    expect((await factus.adjustmentNotes.list({ reference_code: noteReference })).data).toHaveLength(1);
    expect(atob((await factus.adjustmentNotes.downloadXml(noteNumber)).xml_base_64_encoded)).toContain(
      "<cbc:CreditNoteTypeCode>95",
    );
    // A validated note cannot be deleted.
    await expect(factus.adjustmentNotes.delete(noteReference)).rejects.toBeInstanceOf(FactusValidationError);

    // The other version's request is refused before sending.
    const otherVersion = v2
      ? factus.supportDocuments.create({
          ...example("documentos-soporte__crear-validar.1"),
          reference_code: reference(),
        })
      : factus.adjustmentNotes.createV2({
          ...v2Example("notas-ajuste-documentos-soporte__crear-validar.1"),
          reference_code: reference(),
        });
    await expect(otherVersion).rejects.toBeInstanceOf(FactusVersionError);

    // DIAN slow: the range is blocked (409) until the same reference is re-sent; a rejected one can be deleted.
    const slow = reference();
    expect((await createSupport(slow, "dian-pending")).validated).toBe(false);
    await expect(createSupport(reference())).rejects.toBeInstanceOf(FactusConflictError);
    expect((await createSupport(slow)).validated).toBe(true);
    const rejected = reference();
    await expect(createSupport(rejected, "dian-rejection")).rejects.toBeInstanceOf(FactusValidationError);
    expect(await factus.supportDocuments.delete(rejected)).toContain("eliminado");
  });
});
