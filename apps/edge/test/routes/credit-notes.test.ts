import { beforeAll, describe, expect, it } from "vitest";
import {
  api,
  armFault,
  expectStatus,
  FACTUS_VERSIONS,
  json,
  newSession,
  type Session,
  seedInvoice,
} from "../helpers";

// Credit notes: DIAN's only correction of a validated invoice, with the invoice's lifecycle (docs/ARCHITECTURE.md).

let session: Session;

const issueInvoice = async (own = session) =>
  (await expectStatus(await api(own, "/invoices", { method: "POST", body: seedInvoice() }), 201)).data;
const noteFor = (invoiceNumber: string, price: number) => {
  const [item] = seedInvoice().items;
  return {
    invoice_number: invoiceNumber,
    correction_concept_code: "1",
    reference_code: `NC-${crypto.randomUUID().slice(0, 12)}`,
    items: [{ ...item, price }],
  };
};

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  beforeAll(async () => {
    session = await newSession({ factusVersion });
  });

  describe("annul an invoice in one call", () => {
    it("builds the concept-2 note from the invoice, shows it on the invoice, refuses a second annulment", async () => {
      const invoice = await issueInvoice();
      const response = await api(session, `/invoices/${invoice.number}/annul`, {
        method: "POST",
        body: { reason: "Emitida por error" },
      });
      const annulled = await expectStatus(response, 201);
      expect(annulled.data).toMatchObject({
        invoice_number: invoice.number,
        dian_status: "validated",
        total: invoice.total,
        reference_code: `ANUL-${invoice.number}`,
      });
      expect(annulled.data.cude).toMatch(/^[0-9a-f]{96}$/);
      expect(response.headers.get("location")).toBe(`/api/v1/credit-notes/${annulled.data.number}`);

      const detail = await expectStatus(await api(session, `/invoices/${invoice.number}`), 200);
      expect(detail.data.data.credit_notes).toEqual([
        { id: factusVersion === "v1" ? expect.any(Number) : null, number: annulled.data.number },
      ]);
      const row = await expectStatus(await api(session, `/invoices?number=${invoice.number}`), 200);
      // v2's list rows do not name a bill's credit notes: null there (unknown), never an empty list.
      expect(row.data.items[0].credit_notes).toEqual(
        factusVersion === "v1" ? [{ id: expect.any(Number), number: annulled.data.number }] : null,
      );

      const note = await expectStatus(await api(session, `/credit-notes/${annulled.data.number}`), 200);
      expect(note.data.credit_note).toMatchObject({
        invoice_number: invoice.number,
        correction_concept: { code: "2" },
        dian_status: "validated",
      });

      const again = await expectStatus(
        await api(session, `/invoices/${invoice.number}/annul`, { method: "POST", body: {} }),
        409,
      );
      expect(again.message).toContain("ya está anulada");
    });

    it("an invoice with a tip: the note repeats it, so the invoice is annulled whole", async () => {
      const own = await newSession({ factusVersion });
      const tipped = seedInvoice({
        allowance_charges: [
          { concept_type: "03", is_surcharge: true, reason: "Propina", base_amount: 50_000, amount: 50_000 },
        ],
      });
      const invoice = await expectStatus(await api(own, "/invoices", { method: "POST", body: tipped }), 201);
      const annulled = await expectStatus(
        await api(own, `/invoices/${invoice.data.number}/annul`, { method: "POST", body: {} }),
        201,
      );
      expect(annulled.data.total).toBe(invoice.data.total);
      const again = await expectStatus(
        await api(own, `/invoices/${invoice.data.number}/annul`, {
          method: "POST",
          body: { reference_code: `ANUL2-${invoice.data.number}` },
        }),
        409,
      );
      expect(again.message).toContain("ya está anulada");
    });

    it("refuses an invoice DIAN has not validated", async () => {
      const own = await newSession({ factusVersion });
      await armFault(own, "dian-pending", "/v1/bills/validate");
      const pending = await expectStatus(
        await api(own, "/invoices", { method: "POST", body: seedInvoice() }),
        202,
      );
      const refused = await expectStatus(
        await api(own, `/invoices/${pending.data.number}/annul`, { method: "POST", body: {} }),
        409,
      );
      expect(refused.message).toContain("no está validada");
    });
  });

  describe("partial notes never credit more than what remains", () => {
    it("a 300,000 note, then an 800,000 one over the 700,000 left → 422 naming the remainder", async () => {
      const invoice = await issueInvoice();
      const first = await expectStatus(
        await api(session, "/credit-notes", { method: "POST", body: noteFor(invoice.number, 300_000) }),
        201,
      );
      expect(first.data).toMatchObject({ total: 300000, invoice_number: invoice.number });
      const over = await expectStatus(
        await api(session, "/credit-notes", { method: "POST", body: noteFor(invoice.number, 800_000) }),
        422,
      );
      // On v2 the seed's invoice is 999,999.99 (its `rounding` says why), so a cent less remains.
      const remains = factusVersion === "v1" ? "700000.00" : "699999.99";
      expect(over.error.details).toEqual([{ path: "items", message: expect.stringContaining(remains) }]);
      const partial = await expectStatus(
        await api(session, `/invoices/${invoice.number}/annul`, { method: "POST", body: {} }),
        409,
      );
      expect(partial.message).toContain("300000.00");
    });
  });

  describe("every credit-note route", () => {
    it("list, detail, pdf and xml (JSON and bytes), send e-mail", async () => {
      const invoice = await issueInvoice();
      const note = (
        await expectStatus(
          await api(session, "/credit-notes", { method: "POST", body: noteFor(invoice.number, 100_000) }),
          201,
        )
      ).data;
      const listed = await expectStatus(await api(session, `/credit-notes?number=${note.number}`), 200);
      expect(listed.data.items).toEqual([
        expect.objectContaining({ number: note.number, dian_status: "validated", total: 100000 }),
      ]);
      const pdf = await expectStatus(await api(session, `/credit-notes/${note.number}/pdf`), 200);
      expect(pdf.data.extension).toBe("pdf");
      const bytes = await api(session, `/credit-notes/${note.number}/pdf`, {
        headers: { accept: "application/pdf" },
      });
      expect(new TextDecoder().decode((await bytes.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
      const xml = await expectStatus(await api(session, `/credit-notes/${note.number}/xml`), 200);
      expect(atob(xml.data.file_content)).toContain(note.cude);
      await expectStatus(
        await api(session, `/credit-notes/${note.number}/send-email`, {
          method: "POST",
          body: { email: "cliente@empresa.com.co" },
        }),
        200,
      );
      expect((await json(await api(session, "/credit-notes/NC000"))).error.code).toBe("NOT_FOUND");
    });

    it("the lifecycle: pending → retry validates it; rejected → named, deleted; a note without invoice needs its customer", async () => {
      const own = await newSession({ factusVersion });
      const invoice = await issueInvoice(own);
      await armFault(own, "dian-pending", "/v1/credit-notes/validate");
      const slow = noteFor(invoice.number, 50_000);
      const pending = await expectStatus(
        await api(own, "/credit-notes", { method: "POST", body: slow }),
        202,
      );
      const blocked = await expectStatus(
        await api(own, "/credit-notes", { method: "POST", body: noteFor(invoice.number, 10_000) }),
        409,
      );
      expect(blocked.error).toMatchObject({
        code: "FACTUS_PENDING_DOCUMENT",
        document: { recovery: "retry" },
      });
      expect(blocked.message).toContain(`/api/v1/credit-notes/reference/${slow.reference_code}/retry`);
      const retried = await expectStatus(
        await api(own, `/credit-notes/reference/${slow.reference_code}/retry`, { method: "POST" }),
        201,
      );
      expect(retried.data).toMatchObject({ number: pending.data.number, dian_status: "validated" });

      await armFault(own, "dian-rejection", "/v1/credit-notes/validate");
      const rejected = noteFor(invoice.number, 10_000);
      const refused = await expectStatus(
        await api(own, "/credit-notes", { method: "POST", body: rejected }),
        422,
      );
      expect(refused.error).toMatchObject({
        code: "DIAN_REJECTED",
        document: { recovery: "delete_fix_resend" },
      });
      await expectStatus(
        await api(own, `/credit-notes/reference/${rejected.reference_code}`, { method: "DELETE" }),
        200,
      );

      const withoutInvoice = { ...noteFor(invoice.number, 1_000), invoice_number: undefined };
      const missing = await expectStatus(
        await api(own, "/credit-notes", { method: "POST", body: withoutInvoice }),
        422,
      );
      expect(missing.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
        "billing_period",
        "customer",
      ]);
    });
  });
});
