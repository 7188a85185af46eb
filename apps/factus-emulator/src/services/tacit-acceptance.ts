import { RADIAN_EVENTS } from "@factus-edge/contracts";
import type { DocumentRow, EventRow } from "../store/rows";
import type { Account } from "./account";
import { radianEvents, recordRadianEvent } from "./radian";

// When DIAN accepts a tacit acceptance (event 034) of an invoice (Resolución 000085 de 2022, art. 30 and Anexo técnico
// RADIAN): the issuer emits it when the buyer received the invoice (030) and the goods or service (032), and neither
// claimed it (031) nor accepted it expressly (033) within three business days of the receipt of the goods; only a credit
// sale can circulate as a security, and an invoice is accepted at most once. Business days skip weekends; Colombian
// holidays are not modelled (a documented simplification: DIAN's own calendar counts them too).

/** Whether the bill was a credit sale (v1 `payment_form`, v2 `payment_details[].payment_form`). */
export function isCreditSale(bill: DocumentRow) {
  const request = JSON.parse(bill.request) as {
    payment_form?: string;
    payment_details?: { payment_form?: string }[];
  };
  return (
    request.payment_form === "2" ||
    (request.payment_details ?? []).some((entry) => entry.payment_form === "2")
  );
}

/** The moment three business days have passed after `from` (ms). */
export function threeBusinessDaysAfter(from: number) {
  let at = from;
  let days = 0;
  while (days < 3) {
    at += 86_400_000;
    const weekday = new Date(at - 5 * 3_600_000).getUTCDay(); // Colombia's day
    if (weekday !== 0 && weekday !== 6) days++;
  }
  return at;
}

/** Why a tacit acceptance of `bill` cannot be emitted now, or null when it can. */
export function tacitAcceptanceRefusal(bill: DocumentRow, events: EventRow[], now: number): string | null {
  if (bill.status !== 1) return "La factura no ha sido validada por la DIAN";
  if (!isCreditSale(bill))
    return "Solo una factura a crédito (forma de pago 2) puede aceptarse tácitamente: una de contado no circula como título valor";
  const codes = new Set(events.map((event) => event.event_code));
  if (codes.has("034")) return "La factura ya tiene aceptación tácita (034)";
  if (codes.has("033")) return "El adquiriente ya aceptó expresamente la factura (033)";
  if (codes.has("031")) return "El adquiriente reclamó la factura (031): no puede aceptarse tácitamente";
  if (!codes.has("030")) return "Falta el acuse de recibo de la factura (030) del adquiriente";
  const receipt = events.find((event) => event.event_code === "032");
  if (!receipt) return "Falta el recibo del bien o del servicio (032) del adquiriente";
  const due = threeBusinessDaysAfter(Date.parse(receipt.effective_at) + 5 * 3_600_000);
  if (now < due)
    return `Aún no han pasado tres días hábiles desde el recibo del bien o servicio (032): podrá emitirse desde ${new Date(due).toISOString()}`;
  return null;
}

/**
 * The issuer emits `code` on its own bill: only the tacit acceptance (034) is the issuer's (030–033 are the buyer's,
 * recorded here by the test controls). Answers why DIAN refuses it, or the bill's events once recorded.
 */
export async function emitIssuerEvent(
  account: Account,
  bill: DocumentRow,
  code: string,
): Promise<{ refused: string } | { events: ReturnType<typeof radianEvents> }> {
  if (!RADIAN_EVENTS.some((event) => event.code === code)) return { refused: "Tipo de evento inválido" };
  if (code !== "034")
    return {
      refused: `El evento ${code} lo registra el adquiriente; el emisor solo emite la aceptación tácita (034)`,
    };
  const refusal = tacitAcceptanceRefusal(bill, account.store.eventsOf(bill.id), account.nowMs());
  if (refusal) return { refused: refusal };
  await recordRadianEvent(account, bill, code);
  return { events: radianEvents(account, bill) };
}
