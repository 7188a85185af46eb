import { beforeEach, describe, expect, it } from "vitest";
import { api, type EmulatorConnection, emulator, faultHeaders, json, nitBill } from "./helpers";

// What Factus answers when DIAN is slow to answer, already holds the document (rule 90), rejects it, or when the
// answer to a create is lost after the document was issued; and the statuses Factus itself answers a create with.

let token: string;
/** A company of the test's own: pending documents block a whole range, and the settings are per account. */
let account: EmulatorConnection;
beforeEach(async () => {
  account = emulator.forAccount(`dian-${crypto.randomUUID()}@emulator.test`);
  token = await account.accessToken();
});

const createBill = (body: unknown, fault?: string) =>
  api(token, "/v1/bills/validate", { method: "POST", body, headers: fault ? faultHeaders(fault) : {} });
const billsWithReference = async (reference: string) =>
  (await json(await api(token, `/v1/bills?filter[reference_code]=${reference}`))).data.data;
/** The seeded account's only bill range is SETP (id 4). */
const bill = () => nitBill(4, "8");

describe("DIAN slow: dian-pending", () => {
  it("numbers and stores the bill with status 0 and no Rechazo; blocks the range; the same re-send validates it", async () => {
    const first = bill();
    const pending = await createBill(first, "dian-pending");
    const body = await json(pending);
    expect(pending.status, JSON.stringify(body)).toBe(201);
    expect(body.data.bill.status).toBe(0);
    expect(body.data.bill.errors).toEqual([]);
    const number = body.data.bill.number;

    const blocked = await createBill(bill());
    expect(blocked.status).toBe(409);
    expect((await json(blocked)).message).toBe("Se encontró una factura pendiente por enviar a la DIAN");
    const listed = await json(await api(token, "/v1/bills?filter[status]=0"));
    expect(listed.data.data.map((row: { number: string }) => row.number)).toEqual([number]);

    const resent = await createBill(first);
    const resentBody = await json(resent);
    expect(resent.status, JSON.stringify(resentBody)).toBe(201);
    expect(resentBody.data.bill).toMatchObject({ number, status: 1, cufe: body.data.bill.cufe });
    expect(await billsWithReference(first.reference_code)).toHaveLength(1);
  });
});

describe("DIAN slow for a while: dian-pending=N, and dian-verdict=rejected", () => {
  it("the create and the next N−1 re-sends stay pending under one number; the N-th re-send is validated", async () => {
    const request = bill();
    const created = await json(await createBill(request, "dian-pending=3"));
    expect(created.data.bill).toMatchObject({ status: 0, errors: [] });
    for (const _ of [1, 2]) {
      const resent = await createBill(request);
      expect(resent.status).toBe(201);
      expect((await json(resent)).data.bill).toMatchObject({ number: created.data.bill.number, status: 0 });
    }
    const validated = await json(await createBill(request));
    expect(validated.data.bill).toMatchObject({ number: created.data.bill.number, status: 1 });
    expect(await billsWithReference(request.reference_code)).toHaveLength(1);
  });

  it("with dian-verdict=rejected, DIAN's answer is a rejection: 422, the number kept, the range blocked", async () => {
    const request = bill();
    const created = await json(await createBill(request, "dian-pending=2,dian-verdict=rejected"));
    expect(created.data.bill.status).toBe(0);
    expect((await json(await createBill(request))).data.bill.status).toBe(0);
    const rejected = await createBill(request);
    const body = await json(rejected);
    expect(rejected.status).toBe(422);
    expect(body.data.errors.FAJ43b).toMatch(/^Regla: FAJ43b, Rechazo:/);
    expect(body.message).toContain(created.data.bill.number);
    expect((await createBill(bill())).status).toBe(409);
    // Rejected, the document is re-validated as re-sent (fixed): DIAN's usual verdict again.
    expect((await json(await createBill(request))).data.bill).toMatchObject({ status: 1 });
  });

  it("dian-verdict=rejected alone rejects the create at once", async () => {
    const rejected = await createBill(bill(), "dian-verdict=rejected");
    expect(rejected.status).toBe(422);
    expect((await json(rejected)).data.errors.FAJ43b).toMatch(/Rechazo/);
  });
});

describe("rule 90: dian-rule-90", () => {
  it("answers 422 with rule 90 as a Rechazo and keeps the document numbered", async () => {
    const request = bill();
    const response = await createBill(request, "dian-rule-90");
    const body = await json(response);
    expect(response.status).toBe(422);
    expect(body.data.errors).toEqual({ "90": "Regla: 90, Rechazo: Documento procesado anteriormente." });
    const [row] = await billsWithReference(request.reference_code);
    expect(row).toMatchObject({ status: 0 });
    expect(body.message).toContain(row.number);
  });
});

describe("lost-after-issue", () => {
  it.each(["drop", "malformed", "503"])(
    "%s: the bill is issued and stored, the answer is lost",
    async (how) => {
      const request = bill();
      const response = await createBill(request, `lost-after-issue=${how}`);
      if (how === "drop") await expect(response.text()).rejects.toThrow();
      else if (how === "malformed") await expect(response.json()).rejects.toThrow();
      else expect(response.status).toBe(503);
      const rows = await billsWithReference(request.reference_code);
      expect(rows).toHaveLength(1);
      expect(rows[0].status).toBe(1);
    },
  );

  it("delay:<ms> answers normally, late", async () => {
    const started = Date.now();
    const response = await createBill(bill(), "lost-after-issue=delay:300");
    expect(response.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe("re-sending the reference of a validated bill", () => {
  it("is a 422 by default, and returns the document when the account is set to", async () => {
    const request = bill();
    const created = await json(await createBill(request));
    const refused = await createBill(request);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await json(refused))).toContain("ya fue usado");

    await account.settings({ validated_reference_resend: "return" });
    const returned = await createBill(request);
    const body = await json(returned);
    expect(returned.status, JSON.stringify(body)).toBe(200);
    expect(body.data.bill.number).toBe(created.data.bill.number);
    expect(await billsWithReference(request.reference_code)).toHaveLength(1);
  });
});

describe("Factus statuses with Factus-like bodies", () => {
  it("402 subscription used up and 503 maintenance (with Retry-After) number nothing", async () => {
    const request = bill();
    const exhausted = await createBill(request, "status=402");
    expect(exhausted.status).toBe(402);
    expect((await json(exhausted)).message).toMatch(/documentos disponibles/);
    const maintenance = await createBill(request, "status=503");
    expect(maintenance.status).toBe(503);
    expect(maintenance.headers.get("retry-after")).toBe("30");
    await maintenance.text();
    expect(await billsWithReference(request.reference_code)).toHaveLength(0);
  });
});

describe("the subscription", () => {
  it("counts every numbered document; with none left, a create answers 402 and numbers nothing", async () => {
    await createBill(bill());
    const before = (await json(await api(token, "/v1/subscriptions/current"))).data;
    expect(before.documents_used).toBe(1);
    await account.settings({ subscription_documents: 1 });
    const refused = await createBill(bill());
    expect(refused.status).toBe(402);
    const after = (await json(await api(token, "/v1/subscriptions/current"))).data;
    expect(after).toMatchObject({ total_documents: 1, documents_used: 1, documents_remaining: 0 });
  });
});

describe("credit notes share the lifecycle", () => {
  it("pending note blocks the note range with its own 409, and the same re-send validates it", async () => {
    const validated = await json(await createBill(bill()));
    const note = (reference: string) => ({
      correction_concept_code: "2",
      customization_id: "20",
      bill_id: validated.data.bill.id,
      reference_code: reference,
      customer: bill().customer,
      items: bill().items.slice(0, 1),
    });
    const createNote = (body: unknown, fault?: string) =>
      api(token, "/v1/credit-notes/validate", {
        method: "POST",
        body,
        headers: fault ? faultHeaders(fault) : {},
      });
    const first = note(`NC-${crypto.randomUUID().slice(0, 8)}`);
    const pending = await json(await createNote(first, "dian-pending"));
    expect(pending.data.credit_note.status).toBe(0);

    const blocked = await createNote(note(`NC-${crypto.randomUUID().slice(0, 8)}`));
    expect(blocked.status).toBe(409);
    expect((await json(blocked)).message).toBe("Se encontró una nota crédito pendiente por enviar a la DIAN");

    const resent = await json(await createNote(first));
    expect(resent.data.credit_note).toMatchObject({ number: pending.data.credit_note.number, status: 1 });

    const rejected = await createNote(note(`NC-${crypto.randomUUID().slice(0, 8)}`), "dian-rejection");
    expect(rejected.status).toBe(422);
    expect((await json(rejected)).data.errors.FAJ43b).toMatch(/^Regla: FAJ43b, Rechazo:/);
  });
});
