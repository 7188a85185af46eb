import { describe, expect, it } from "vitest";
import {
  api,
  emulator,
  expectStatus,
  FACTUS_VERSIONS,
  newSession,
  type Session,
  seedInvoice,
} from "../helpers";

// The buyer's e-mail for a company that sends it itself: DIAN's subject and the ZIP to attach, as JSON or as bytes.

/** The names of the files a ZIP archive holds, read from its local headers. */
function zipNames(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    names.push(new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength)));
    at += 30 + nameLength + extra + size;
  }
  return names;
}

async function issued(session: Session) {
  const invoice = (
    await expectStatus(await api(session, "/invoices", { method: "POST", body: seedInvoice() }), 201)
  ).data;
  const note = (
    await expectStatus(
      await api(session, `/invoices/${invoice.number}/annul`, { method: "POST", body: {} }),
      201,
    )
  ).data;
  return { invoice: invoice.number as string, note: note.number as string };
}

describe.each(FACTUS_VERSIONS)("e-mail content, Factus %s", (factusVersion) => {
  it("answers DIAN's subject and the ZIP of an invoice and of a credit note, as JSON or as the ZIP's bytes", async () => {
    const session = await newSession({ factusVersion });
    const { invoice, note } = await issued(session);
    for (const [resource, number, type] of [
      ["invoices", invoice, "01"],
      ["credit-notes", note, "91"],
    ] as const) {
      const content = await expectStatus(await api(session, `/${resource}/${number}/email-content`), 200);
      expect(content.data).toMatchObject({ extension: "zip", file_name: number });
      expect(content.data.subject).toContain(`;${number};${type};`);
      const names = zipNames(Uint8Array.fromBase64(content.data.file_content));
      expect(names.some((name) => name.endsWith(".xml"))).toBe(true);
      expect(names.some((name) => name.endsWith(".pdf"))).toBe(true);

      const bytes = await api(session, `/${resource}/${number}/email-content`, {
        headers: { accept: "application/zip" },
      });
      expect(bytes.status).toBe(200);
      expect(bytes.headers.get("content-type")).toBe("application/zip");
      expect(bytes.headers.get("content-disposition")).toBe(`attachment; filename="${number}.zip"`);
      expect(zipNames(new Uint8Array(await bytes.arrayBuffer()))).toEqual(names);
    }
  });

  it("zips the AttachedDocument itself when Factus gives the XML alone (the other reading)", async () => {
    const session = await newSession({ factusVersion });
    await emulator.forAccount(session.account).settings({ email_content_attachment: "xml" });
    const { invoice } = await issued(session);
    const content = await expectStatus(await api(session, `/invoices/${invoice}/email-content`), 200);
    const archive = Uint8Array.fromBase64(content.data.file_content);
    expect(zipNames(archive)).toEqual([`${invoice}.xml`]);
    expect(new TextDecoder().decode(archive)).toContain("<AttachedDocument ");
  });

  it("an unknown document is 404 in the one envelope", async () => {
    const session = await newSession({ factusVersion });
    const answer = await api(session, "/invoices/SETP999999999/email-content");
    expect((await expectStatus(answer, 404)).error.code).toBe("NOT_FOUND");
  });
});
