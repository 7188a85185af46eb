import type { ReceivedWebhook } from "factus-emulator/testing/helpers";
import { describe, expect, it } from "vitest";
import { registerEndpoint, runJobUntilSettled, until } from "../completion-helpers";
import {
  api,
  armFault,
  emulator,
  expectStatus,
  type FactusVersion,
  factusPath,
  json,
  newSession,
  type Session,
  seedInvoice,
} from "../helpers";

// Every kind of document goes through the one lifecycle (docs/ARCHITECTURE.md, "The document lifecycle"): the same
// tests, per kind and per Factus version that has it. A kind is a preset (src/documents/kinds/); this suite is what
// proves a new preset gets the whole lifecycle: DIAN's verdicts, the 409 naming the pending document with its
// recovery, the guarded delete, the official retry, lost answers, background completion with its webhook, the edge
// cache of validated files, and the ledger.

interface KindCase {
  /** `/api/v1/<resource>` */
  resource: string;
  /** Where the detail keeps the document's own fields. */
  detailKey: string;
  /** The ledger kind and webhook prefix. */
  event: string;
  versions: FactusVersion[];
  /** Factus' create path, as a v1 path (moved to `/v2/` on a v2 account), or a v2 one. */
  factusCreate: string;
  /** A fresh create body (and whatever it needs issued first). */
  body(session: Session): Promise<Record<string, unknown>>;
}

const reference = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 12)}`;

const issueInvoice = async (session: Session) =>
  (await expectStatus(await api(session, "/invoices", { method: "POST", body: seedInvoice() }), 201)).data;

/** A note on a fresh invoice: one line of the invoice's own, at a small price. */
const noteBody = (prefix: string) => async (session: Session) => {
  const invoice = await issueInvoice(session);
  const [item] = seedInvoice().items;
  return {
    invoice_number: invoice.number,
    correction_concept_code: "1",
    reference_code: reference(prefix),
    items: [{ ...item, price: 1190 }],
  };
};

/** A purchase from a resident natural person with a NIT, ReteRenta 3.5 %. */
export const supportDocumentBody = (prefix = "DS") => ({
  reference_code: reference(prefix),
  provider: {
    identification_document_id: 6,
    identification: "123456789",
    dv: "6",
    names: "Alan Turing",
    address: "calle 1 # 2-68",
    municipality_id: 980,
  },
  items: [
    {
      code_reference: "CAFE-1",
      name: "Arroba de café",
      quantity: 2,
      price: 50000,
      unit_measure_id: 70,
      standard_code_id: 1,
      withholding_taxes: [{ code: "06", withholding_tax_rate: 3.5 }],
    },
  ],
});

/** An adjustment note (a discount) on a fresh validated support document, with its provider. */
const adjustmentNoteBody = async (session: Session) => {
  const support = await expectStatus(
    await api(session, "/support-documents", { method: "POST", body: supportDocumentBody() }),
    201,
  );
  const { provider, items } = supportDocumentBody();
  return {
    ...supportDocumentBody("NA"),
    support_document_number: support.data.number,
    correction_concept_code: "3",
    provider,
    items: [{ ...items[0]!, quantity: 1, price: 10000 }],
  };
};

export const KINDS: KindCase[] = [
  {
    resource: "credit-notes",
    detailKey: "credit_note",
    event: "credit_note",
    versions: ["v1", "v2"],
    factusCreate: "/v1/credit-notes/validate",
    body: noteBody("NC"),
  },
  {
    resource: "debit-notes",
    detailKey: "debit_note",
    event: "debit_note",
    versions: ["v2"],
    factusCreate: "/v2/debit-notes/validate",
    body: noteBody("ND"),
  },
  {
    resource: "support-documents",
    detailKey: "support_document",
    event: "support_document",
    versions: ["v1", "v2"],
    factusCreate: "/v1/support-documents/validate",
    body: async () => supportDocumentBody(),
  },
  {
    resource: "adjustment-notes",
    detailKey: "adjustment_note",
    event: "adjustment_note",
    versions: ["v1", "v2"],
    factusCreate: "/v1/adjustment-notes/validate",
    body: adjustmentNoteBody,
  },
];

const create = (session: Session, kind: KindCase, body: unknown, headers: Record<string, string> = {}) =>
  api(session, `/${kind.resource}`, { method: "POST", body, headers });

const cases = KINDS.flatMap((kind) =>
  kind.versions.map((version) => [kind.resource, version, kind] as const),
);

describe.each(cases)("%s on Factus %s", (_resource, factusVersion, kind) => {
  it("validated: 201 with its Location; detail, list, PDF and XML (kept at the edge); in the ledger", async () => {
    const session = await newSession({ factusVersion, ownCompany: true });
    const body = await kind.body(session);
    const response = await create(session, kind, body);
    const created = await expectStatus(response, 201);
    expect(created.data).toMatchObject({ status: "success", dian_status: "validated" });
    const { number } = created.data;
    expect(response.headers.get("location")).toBe(`/api/v1/${kind.resource}/${number}`);

    const detail = await expectStatus(await api(session, `/${kind.resource}/${number}`), 200);
    expect(detail.data[kind.detailKey]).toMatchObject({ number, dian_status: "validated", completion: null });
    const listed = await expectStatus(
      await api(session, `/${kind.resource}?reference_code=${body.reference_code}`),
      200,
    );
    expect(listed.data.items.map((row: { number: string }) => row.number)).toEqual([number]);

    for (const format of ["pdf", "xml"]) {
      const first = await api(session, `/${kind.resource}/${number}/${format}`);
      expect((await expectStatus(first, 200)).data.extension).toBe(format);
      const second = await api(session, `/${kind.resource}/${number}/${format}`);
      await expectStatus(second, 200);
      expect(second.headers.get("x-cache")).toBe("HIT");
    }

    const today = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);
    const exported = await api(
      session,
      `/documents/export?created_from=${today}&created_to=${today}&kind=${kind.event}`,
    );
    const lines = (await exported.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.find((line) => line.number === number)).toMatchObject({
      kind: kind.event,
      dian_status: "validated",
      total: created.data.total.toFixed(2),
      issued_by: expect.stringMatching(/^user:/),
    });
  });

  it("pending: 202 with the number; the 409 names it; delete refused; /retry validates the same number", async () => {
    const session = await newSession({ factusVersion });
    const body = await kind.body(session);
    await armFault(session, "dian-pending", kind.factusCreate);
    const pending = await expectStatus(await create(session, kind, body), 202);
    expect(pending.data).toMatchObject({ status: "pending", dian_status: "pending" });
    const retryPath = `/${kind.resource}/reference/${body.reference_code}/retry`;
    expect(pending.data.message).toContain(`/api/v1${retryPath}`);

    const blocked = await expectStatus(await create(session, kind, await kind.body(session)), 409);
    expect(blocked.error).toMatchObject({
      code: "FACTUS_PENDING_DOCUMENT",
      document: { number: pending.data.number, dian_status: "pending", recovery: "retry" },
    });
    const refused = await api(session, `/${kind.resource}/reference/${body.reference_code}`, {
      method: "DELETE",
    });
    expect((await expectStatus(refused, 409)).error.code).toBe("DOCUMENT_AWAITING_DIAN");

    const retried = await expectStatus(await api(session, retryPath, { method: "POST" }), 201);
    expect(retried.data).toMatchObject({ number: pending.data.number, dian_status: "validated" });
  });

  it("rejected: 422 with the consumed number; deleting it frees the reference", async () => {
    const session = await newSession({ factusVersion });
    const body = await kind.body(session);
    await armFault(session, "dian-rejection", kind.factusCreate);
    const rejected = await expectStatus(await create(session, kind, body), 422);
    expect(rejected.error.code).toBe("DIAN_REJECTED");
    expect(rejected.error.document).toMatchObject({ dian_status: "rejected", recovery: "delete_fix_resend" });
    const detail = await expectStatus(
      await api(session, `/${kind.resource}/${rejected.error.document.number}`),
      200,
    );
    expect(detail.data[kind.detailKey].dian_status).toBe("rejected");
    const deleted = await api(session, `/${kind.resource}/reference/${body.reference_code}`, {
      method: "DELETE",
    });
    expect((await expectStatus(deleted, 200)).data.reference_code).toBe(body.reference_code);
    await expectStatus(await create(session, kind, body), 201);
  });

  it("a lost answer is found by its reference: 201 X-Document-Recovered, one document in Factus; the key replays it", async () => {
    const session = await newSession({ factusVersion });
    const body = await kind.body(session);
    const key = crypto.randomUUID();
    await armFault(session, "lost-after-issue=drop", kind.factusCreate);
    const response = await create(session, kind, body, { "idempotency-key": key });
    const found = await expectStatus(response, 201);
    expect(response.headers.get("x-document-recovered")).toBe("lost-answer");
    const replay = await expectStatus(await create(session, kind, body, { "idempotency-key": key }), 201);
    expect(replay.data.number).toBe(found.data.number);
    const calls = await emulator.forAccount(session.account).calls();
    expect(calls[`POST ${factusPath(session, kind.factusCreate)}`]).toBe(1);
  });

  it(`finishes a pending one by itself and tells the receiver (${kind.event}.validated)`, async () => {
    const session = await newSession({ factusVersion, ownCompany: true });
    const { inbox } = await registerEndpoint(session, [`${kind.event}.validated`]);
    const body = await kind.body(session);
    await armFault(session, "dian-pending=2", kind.factusCreate);
    const pending = await expectStatus(await create(session, kind, body), 202);
    const job = await runJobUntilSettled(String(body.reference_code));
    expect(job).toMatchObject({ state: "validated", document_number: pending.data.number });
    const mine = (hooks: ReceivedWebhook[]) =>
      hooks.filter((hook) => hook.body.includes(pending.data.number));
    const received = await until(
      () => inbox.received().then(mine),
      (hooks) => hooks.length > 0,
    );
    const payload = JSON.parse(received[0]!.body);
    expect(payload.type).toBe(`${kind.event}.validated`);
    expect(payload.data[kind.detailKey]).toMatchObject({
      number: pending.data.number,
      dian_status: "validated",
    });
  });
});

describe("debit notes", () => {
  it("are Factus v2's only: on a v1 account every route answers 422 NOT_AVAILABLE_ON_FACTUS_VERSION", async () => {
    const session = await newSession({ factusVersion: "v1" });
    const body = await noteBody("ND")(session);
    for (const [method, path] of [
      ["POST", "/debit-notes"],
      ["GET", "/debit-notes"],
      ["GET", "/debit-notes/ND1"],
      ["GET", "/debit-notes/ND1/pdf"],
      ["DELETE", "/debit-notes/reference/ND-1"],
    ] as const) {
      const answer = await json(
        await api(session, path, { method, body: method === "POST" ? body : undefined }),
      );
      expect(answer.error?.code, `${method} ${path}`).toBe("NOT_AVAILABLE_ON_FACTUS_VERSION");
      expect(answer.message).toContain("v2");
    }
    const invoice = await expectStatus(await api(session, `/invoices/${body.invoice_number}`), 200);
    expect(invoice.data.data.debit_notes).toEqual([]);
  });

  it("on v2: the invoice's detail lists them beside its credit notes; the debit raises the day's net", async () => {
    const session = await newSession({ factusVersion: "v2", ownCompany: true });
    const body = await noteBody("ND")(session);
    const note = await expectStatus(await create(session, KINDS[1]!, body), 201);
    expect(note.data.invoice_number).toBe(body.invoice_number);
    const invoice = await expectStatus(await api(session, `/invoices/${body.invoice_number}`), 200);
    expect(invoice.data.data.debit_notes).toEqual([{ id: null, number: note.data.number }]);
    const today = new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 10);
    const totals = await expectStatus(
      await api(session, `/documents/daily-totals?created_from=${today}&created_to=${today}`),
      200,
    );
    expect(totals.data.days[0]).toMatchObject({ debit_notes: 1, debited: note.data.total.toFixed(2) });
  });

  it("refuses a note on an invoice DIAN has not validated (409), before sending anything", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const note = await noteBody("ND")(session);
    await armFault(session, "dian-pending", "/v1/bills/validate");
    const pending = await expectStatus(
      await api(session, "/invoices", { method: "POST", body: seedInvoice() }),
      202,
    );
    const body = { ...note, invoice_number: pending.data.number };
    const refused = await expectStatus(await create(session, KINDS[1]!, body), 409);
    const calls = await emulator.forAccount(session.account).calls();
    expect(calls["POST /v2/debit-notes/validate"]).toBeUndefined();
    expect(refused.message).toContain("una nota débito solo corrige facturas validadas");
  });
});

describe("support documents", () => {
  it("a wrong NIT check digit is refused before a number is burnt (422, nothing sent)", async () => {
    const session = await newSession({ factusVersion: "v1" });
    const body = supportDocumentBody();
    body.provider.dv = "5";
    const refused = await expectStatus(
      await api(session, "/support-documents", { method: "POST", body }),
      422,
    );
    expect(refused.error.details).toContainEqual({
      path: "provider.dv",
      message: expect.stringContaining("es 6, no 5"),
    });
    const calls = await emulator.forAccount(session.account).calls();
    expect(calls["POST /v1/support-documents/validate"]).toBeUndefined();
  });

  it("v1 carries no IVA on a support line (422 naming the line); v2 does, to the cent; withholdings never lower the total", async () => {
    const taxed = { ...supportDocumentBody(), prices_include_tax: false };
    taxed.items[0] = { ...taxed.items[0]!, tax_rate: 19 } as never;
    const v1 = await newSession({ factusVersion: "v1" });
    const refused = await expectStatus(
      await api(v1, "/support-documents", { method: "POST", body: taxed }),
      422,
    );
    expect(refused.error.code).toBe("NOT_AVAILABLE_ON_FACTUS_VERSION");
    expect(refused.error.details[0].path).toBe("items.0.tax_rate");
    const untaxed = await expectStatus(
      await api(v1, "/support-documents", { method: "POST", body: supportDocumentBody() }),
      201,
    );
    expect(untaxed.data).toMatchObject({ total: 100000, withholding_total: 3500 });

    const v2 = await newSession({ factusVersion: "v2" });
    const issued = await expectStatus(
      await api(v2, "/support-documents", { method: "POST", body: taxed }),
      201,
    );
    expect(issued.data).toMatchObject({ total: 119000, withholding_total: 3500 });
    expect(issued.data.rounding).toBeUndefined();
    expect(issued.data.cuds).toMatch(/^[0-9a-f]{96}$/);
  });

  it.each(["v1", "v2"] as const)(
    "on %s: the support document lists its adjustment notes where Factus names them",
    async (factusVersion) => {
      const session = await newSession({ factusVersion });
      const body = await adjustmentNoteBody(session);
      const note = await expectStatus(await api(session, "/adjustment-notes", { method: "POST", body }), 201);
      expect(note.data.support_document_number).toBe(body.support_document_number);
      const support = await expectStatus(
        await api(session, `/support-documents/${body.support_document_number}`),
        200,
      );
      // v1 names them (with Factus' ids); v2's answer does not: unknown, never an empty list.
      expect(support.data.adjustment_notes).toEqual(
        factusVersion === "v1" ? [{ id: expect.any(Number), number: note.data.number }] : null,
      );
    },
  );

  it("an adjustment note needs a validated support document (409) and its provider (422), before sending", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const body = await adjustmentNoteBody(session);
    const other = { ...body, provider: { ...body.provider, identification: "900123456", dv: "8" } };
    const mismatch = await expectStatus(
      await api(session, "/adjustment-notes", { method: "POST", body: other }),
      422,
    );
    expect(mismatch.error.details[0]).toMatchObject({ path: "provider.identification" });

    await armFault(session, "dian-rejection", "/v1/support-documents/validate");
    const rejected = await expectStatus(
      await api(session, "/support-documents", { method: "POST", body: supportDocumentBody() }),
      422,
    );
    const onRejected = { ...body, support_document_number: rejected.error.document.number };
    const refused = await expectStatus(
      await api(session, "/adjustment-notes", { method: "POST", body: onRejected }),
      409,
    );
    expect(refused.message).toContain("una nota de ajuste solo corrige documentos soporte validados");
    const calls = await emulator.forAccount(session.account).calls();
    expect(calls["POST /v2/adjustment-notes/validate"]).toBeUndefined();
  });
});
