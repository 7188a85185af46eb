import { env } from "cloudflare:workers";
import { colombiaToday } from "@factus-edge/contracts";
import { describe, expect, it } from "vitest";
import {
  api,
  armFault,
  billsInFactus,
  emulator,
  expectStatus,
  FACTUS_VERSIONS,
  json,
  newSession,
  type Session,
  seedInvoice,
} from "../helpers";

// Month-end: a batch issued in the background through the single create's path, paced per Factus account, with
// every document in the ledger, and the ledger read out as exports and daily totals.

async function waitForBatch(session: Session, id: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = (await expectStatus(await api(session, `/invoice-batches/${id}?per_page=200`), 200)).data;
    if (batch.status === "completed" || batch.status === "cancelled" || Date.now() > deadline) return batch;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const ledgerOf = (batchId: string) =>
  env.DB.prepare("SELECT * FROM ledger_documents WHERE batch_id = ?1 ORDER BY number")
    .bind(batchId)
    .all<{
      number: string;
      reference_code: string;
      issued_by: string;
      dian_status: string;
      total_cents: number;
    }>()
    .then((result) => result.results);

describe.each(FACTUS_VERSIONS)("invoice batches, Factus %s", (factusVersion) => {
  it("refuses the invalid up front, issues the rest exactly once under faults, and records each in the ledger", async () => {
    const session = await newSession({ factusVersion });
    const inbox = emulator.webhookInbox(`batch-${crypto.randomUUID()}`);
    await expectStatus(
      await api(session, "/webhook-endpoints", {
        method: "POST",
        body: { url: inbox.url, events: ["batch.completed"] },
      }),
      201,
    );
    const invoices = Array.from({ length: 10 }, () => seedInvoice());
    const duplicate = { ...seedInvoice(), reference_code: invoices[0]!.reference_code };
    const invalid = { ...seedInvoice(), customer: { ...seedInvoice().customer, dv: "1" } };
    // One DIAN-slow invoice (it blocks the range until the job re-sends it), one lost answer, one Factus outage.
    await armFault(session, "dian-pending", "/v1/bills/validate");
    await armFault(session, "lost-after-issue=drop", "/v1/bills/validate");
    await armFault(session, "status=503", "/v1/bills/validate");
    const created = await expectStatus(
      await api(session, "/invoice-batches", {
        method: "POST",
        body: { invoices: [...invoices, duplicate, invalid] },
      }),
      202,
    );
    expect(created.data).toMatchObject({ status: "queued", total: 12, accepted: 10 });
    expect(created.data.refused.map((entry: { index: number }) => entry.index)).toEqual([10, 11]);
    expect(created.data.refused[1].errors).toEqual([expect.objectContaining({ path: "customer.dv" })]);

    const batch = await waitForBatch(session, created.data.id);
    const unfinished = batch.items.filter(
      (item: { status: string }) => !["validated", "refused"].includes(item.status),
    );
    expect(batch.status, JSON.stringify(unfinished)).toBe("completed");
    expect(batch.counts).toEqual({ validated: 10, refused: 2 });
    expect(batch.estimated_seconds_left).toBeNull();
    for (const invoice of invoices)
      expect(await billsInFactus(session, invoice.reference_code)).toHaveLength(1);
    const validated = batch.items.filter((item: { status: string }) => item.status === "validated");
    expect(validated.every((item: { number: string; cufe: string }) => item.number && item.cufe)).toBe(true);

    // The ledger names who issued each one, and the batch.
    const ledger = await ledgerOf(created.data.id);
    expect(ledger.map((row) => row.reference_code).sort()).toEqual(
      invoices.map((i) => i.reference_code).sort(),
    );
    expect(new Set(ledger.map((row) => row.issued_by))).toEqual(new Set([`user:${session.user.id}`]));
    expect(new Set(ledger.map((row) => row.dian_status))).toEqual(new Set(["validated"]));

    // batch.completed, with the final counts (v1 test accounts share a company: find this batch's).
    const deadline = Date.now() + 20_000;
    let told: { data: { id: string; counts: Record<string, number> } } | undefined;
    while (!told && Date.now() < deadline) {
      told = (await inbox.received())
        .map((hook) => JSON.parse(hook.body))
        .find((event) => event.type === "batch.completed" && event.data.id === created.data.id);
      if (!told) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(told?.data.counts).toEqual({ validated: 10, refused: 2 });
  }, 120_000);
});

describe("batches: idempotency, cancelling, limits", () => {
  it("the same Idempotency-Key answers the same batch; another body with it is refused", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const headers = { "idempotency-key": crypto.randomUUID() };
    const body = { invoices: [seedInvoice()] };
    const first = await expectStatus(
      await api(session, "/invoice-batches", { method: "POST", body, headers }),
      202,
    );
    const again = await expectStatus(
      await api(session, "/invoice-batches", { method: "POST", body, headers }),
      202,
    );
    expect(again.data.id).toBe(first.data.id);
    const other = { invoices: [seedInvoice()] };
    const reused = await expectStatus(
      await api(session, "/invoice-batches", { method: "POST", body: other, headers }),
      422,
    );
    expect(reused.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    await waitForBatch(session, first.data.id);
  });

  it("DELETE cancels what was not sent; what was sent stays issued", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const created = await expectStatus(
      await api(session, "/invoice-batches", {
        method: "POST",
        body: { invoices: Array.from({ length: 30 }, () => seedInvoice()) },
      }),
      202,
    );
    const cancelled = await expectStatus(
      await api(session, `/invoice-batches/${created.data.id}`, { method: "DELETE" }),
      200,
    );
    expect(cancelled.data.cancelled).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const batch = (
      await expectStatus(await api(session, `/invoice-batches/${created.data.id}?per_page=200`), 200)
    ).data;
    expect(batch.status).toBe("cancelled");
    expect(batch.counts.cancelled).toBe(cancelled.data.cancelled);
    expect((batch.counts.validated ?? 0) + batch.counts.cancelled).toBe(30);
    for (const item of batch.items.filter((entry: { status: string }) => entry.status === "cancelled"))
      expect(await billsInFactus(session, item.reference_code)).toHaveLength(0);
  });

  it("refuses a batch with nothing acceptable (422) and one past 2,000 invoices", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const none = await expectStatus(
      await api(session, "/invoice-batches", {
        method: "POST",
        body: { invoices: [{ reference_code: "X" }] },
      }),
      422,
    );
    expect(none.error.details[0].path).toMatch(/^invoices\.0\./);
    const tooMany = await expectStatus(
      await api(session, "/invoice-batches", {
        method: "POST",
        body: { invoices: Array.from({ length: 2001 }, () => ({})) },
      }),
      422,
    );
    expect(tooMany.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("the ledger", () => {
  it("holds every document issued through the gateway, whatever path issued it, and exports it to the cent", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const key = { "idempotency-key": crypto.randomUUID() };
    // A create with a key, one without, a DIAN-slow one finished by /retry, a lost answer, and a credit note.
    const withKey = await expectStatus(
      await api(session, "/invoices", { method: "POST", body: seedInvoice(), headers: key }),
      201,
    );
    const keyless = await expectStatus(
      await api(session, "/invoices", { method: "POST", body: seedInvoice() }),
      201,
    );
    await armFault(session, "dian-pending", "/v1/bills/validate");
    const slow = seedInvoice();
    await expectStatus(await api(session, "/invoices", { method: "POST", body: slow }), 202);
    await expectStatus(
      await api(session, `/invoices/reference/${slow.reference_code}/retry`, { method: "POST" }),
      201,
    );
    await armFault(session, "lost-after-issue=drop", "/v1/bills/validate");
    const lost = await expectStatus(
      await api(session, "/invoices", { method: "POST", body: seedInvoice() }),
      201,
    );
    const note = await expectStatus(
      await api(session, `/invoices/${withKey.data.number}/annul`, { method: "POST", body: {} }),
      201,
    );

    // Factus' own store is the truth: every document it holds for this company is in the ledger.
    const today = colombiaToday();
    const exported = await api(session, `/documents/export?created_from=${today}&created_to=${today}`);
    expect(exported.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await exported.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const numbers = lines.map((line) => line.number).sort();
    const bills = await json(
      await fetch(`${env.FACTUS_BASE_URL}/v2/bills?per_page=100`, {
        headers: {
          authorization: `Bearer ${session.factusToken}`,
          accept: "application/json",
          "user-agent": "t",
        },
      }),
    );
    const inFactus = [
      ...bills.data.data.map((row: { number: string }) => row.number),
      note.data.number,
    ].sort();
    expect(numbers).toEqual(inFactus);
    expect(numbers).toEqual(
      [
        withKey.data.number,
        keyless.data.number,
        lost.data.number,
        note.data.number,
        ...bills.data.data
          .map((row: { number: string }) => row.number)
          .filter((n: string) => ![withKey.data.number, keyless.data.number, lost.data.number].includes(n)),
      ].sort(),
    );
    for (const line of lines) expect(line.issued_by).toBe(`user:${session.user.id}`);

    // Totals equal Factus' documents, to the cent; the daily net is invoices less the credit note.
    const invoiceLines = lines.filter((line) => line.kind === "invoice");
    const invoiced = invoiceLines.reduce((sum, line) => sum + BigInt(line.total.replace(".", "")), 0n);
    const credited = BigInt(lines.find((line) => line.kind === "credit_note").total.replace(".", ""));
    const totals = await expectStatus(
      await api(session, `/documents/daily-totals?created_from=${today}&created_to=${today}`),
      200,
    );
    expect(totals.data.days).toEqual([
      {
        date: today,
        invoices: invoiceLines.length,
        invoiced: `${invoiced / 100n}.${String(invoiced % 100n).padStart(2, "0")}`,
        credit_notes: 1,
        credited: `${credited / 100n}.${String(credited % 100n).padStart(2, "0")}`,
        debit_notes: 0,
        debited: "0.00",
        net: `${(invoiced - credited) / 100n}.${String((invoiced - credited) % 100n).padStart(2, "0")}`,
      },
    ]);

    // The same month as CSV for Colombian Excel: BOM, `;`, decimal comma.
    const csv = await api(
      session,
      `/documents/export?created_from=${today}&created_to=${today}&kind=invoice`,
      {
        headers: { accept: "text/csv" },
      },
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("kind;number;reference_code;cufe;")).toBe(true);
    const rows = text.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(invoiceLines.length);
    expect(rows[0]).toMatch(/;\d+,\d{2};/);
  });

  it("records who changed a document's status, by triggers", async () => {
    const session = await newSession({ factusVersion: "v2" });
    await armFault(session, "dian-pending", "/v1/bills/validate");
    const invoice = seedInvoice();
    const pending = await expectStatus(
      await api(session, "/invoices", { method: "POST", body: invoice }),
      202,
    );
    await expectStatus(
      await api(session, `/invoices/reference/${invoice.reference_code}/retry`, { method: "POST" }),
      201,
    );
    const changes = await env.DB.prepare(
      "SELECT dian_status, actor FROM ledger_status_changes WHERE number = ?1 AND company_nit = (SELECT company_nit FROM ledger_documents WHERE reference_code = ?2) ORDER BY at",
    )
      .bind(pending.data.number, invoice.reference_code)
      .all();
    expect(changes.results).toEqual([
      { dian_status: "pending", actor: `user:${session.user.id}` },
      { dian_status: "validated", actor: `user:${session.user.id}` },
    ]);
  });
});

async function waitForSync(session: Session, id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sync = (await expectStatus(await api(session, `/ledger/sync/${id}`), 200)).data;
    if (sync.status === "completed" || sync.status === "failed" || Date.now() > deadline) return sync;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe.each(FACTUS_VERSIONS)("the ledger sync, Factus %s", (factusVersion) => {
  it("backfills what the ledger missed and corrects what it had stale, keeping who issued the rest", async () => {
    // A company no other suite's account shares: the ledger is per company.
    const session = await newSession({ factusVersion, ownCompany: true });
    // Eleven invoices: Factus lists ten a page, so the walk reads two pages of invoices, then the credit notes.
    const numbers: string[] = [];
    for (let i = 0; i < 11; i++) {
      const created = await api(session, "/invoices", { method: "POST", body: seedInvoice() });
      numbers.push((await expectStatus(created, 201)).data.number);
    }
    const note = await expectStatus(
      await api(session, `/invoices/${numbers[0]}/annul`, { method: "POST", body: {} }),
      201,
    );
    const nit = (await env.DB.prepare("SELECT company_nit FROM ledger_documents WHERE issued_by = ?1 LIMIT 1")
      .bind(`user:${session.user.id}`)
      .first<{ company_nit: string }>())!.company_nit;
    // The keyless creates' ledger writes land after their answers: all twelve are in before two are taken out.
    await expect
      .poll(async () => {
        const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM ledger_documents WHERE company_nit = ?1")
          .bind(nit)
          .first<{ n: number }>();
        return row?.n;
      })
      .toBe(12);
    // Two writes lost (as a failed write after the answer would), one row stale.
    await env.DB.prepare("DELETE FROM ledger_documents WHERE company_nit = ?1 AND number IN (?2, ?3)")
      .bind(nit, numbers[3], note.data.number)
      .run();
    await env.DB.prepare(
      "UPDATE ledger_documents SET dian_status = 'pending' WHERE company_nit = ?1 AND number = ?2",
    )
      .bind(nit, numbers[5])
      .run();

    const today = colombiaToday();
    const started = await expectStatus(
      await api(session, `/ledger/sync?from=${today}&to=${today}`, { method: "POST" }),
      202,
    );
    const sync = await waitForSync(session, started.data.id);
    expect(sync).toMatchObject({
      status: "completed",
      from: today,
      found: 12,
      added: 2,
      updated: 1,
      error: null,
    });
    expect(sync.pages_read).toBeGreaterThanOrEqual(3);

    const { results } = await env.DB.prepare(
      "SELECT kind, number, dian_status, issued_by, source, last_actor FROM ledger_documents WHERE company_nit = ?1",
    )
      .bind(nit)
      .all<{ kind: string; number: string; dian_status: string; issued_by: string | null; source: string }>();
    expect(results.map((row) => row.number).sort()).toEqual([...numbers, note.data.number].sort());
    for (const row of results) {
      expect(row.dian_status).toBe("validated");
      const lost = row.number === numbers[3] || row.number === note.data.number;
      // What the gateway recorded keeps its issuer; what was learnt from Factus says it was learnt there.
      expect(row.source).toBe(lost ? "factus" : "gateway");
      expect(row.issued_by).toBe(lost ? null : `user:${session.user.id}`);
    }
    const changes = await env.DB.prepare(
      "SELECT dian_status, actor FROM ledger_status_changes WHERE company_nit = ?1 AND number = ?2 ORDER BY at",
    )
      .bind(nit, numbers[5])
      .all();
    expect(changes.results.at(-1)).toEqual({ dian_status: "validated", actor: "sync" });

    // A second sync of the same days finds everything in place.
    const again = await expectStatus(
      await api(session, `/ledger/sync?from=${today}&to=${today}`, { method: "POST" }),
      202,
    );
    expect(again.data.id).not.toBe(started.data.id);
    expect(await waitForSync(session, again.data.id)).toMatchObject({
      status: "completed",
      found: 12,
      added: 0,
      updated: 0,
    });
  });
});

describe("the ledger sync's requests", () => {
  it("refuses days that run backwards, and an unknown sync is 404", async () => {
    const session = await newSession();
    const backwards = await api(session, "/ledger/sync?from=2026-12-02&to=2026-12-01", { method: "POST" });
    const error = await expectStatus(backwards, 422);
    expect(error.error.details).toEqual([{ path: "query.to", message: expect.stringContaining("from") }]);
    await expectStatus(await api(session, "/ledger/sync/ls_nope"), 404);
  });
});
