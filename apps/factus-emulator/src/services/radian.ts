import { RADIAN_EVENTS } from "@factus-edge/contracts";
import { sha384Hex } from "../documents/cufe";
import type { DocumentRow } from "../store/rows";
import type { Account } from "./account";

// RADIAN events on a validated bill: what its acquirer (or the DIAN, for a tacit acceptance) says of it.

/** Records event `code` (030–034) on a validated bill; answers the event's number. */
export async function recordRadianEvent(account: Account, bill: DocumentRow, code: string, at?: number) {
  const now = at === undefined ? account.now() : new Date(at).toISOString();
  const number = `AP${account.store.countEvents() + 1}`;
  account.store.insertEvent({
    document_id: bill.id,
    number,
    cude: await sha384Hex(`${number}${bill.cufe}${code}${now}`),
    event_code: code,
    // Stored in Colombian civil time, as DIAN reports event dates.
    effective_at: new Date(new Date(now).getTime() - 5 * 3600_000).toISOString(),
  });
  return number;
}

/** A bill's events as Factus lists them (v1 and v2 alike). */
export const radianEvents = (account: Account, bill: DocumentRow) =>
  account.store.eventsOf(bill.id).map((event) => ({
    number: event.number,
    cude: event.cude,
    event_code: event.event_code,
    event_name: RADIAN_EVENTS.find((entry) => entry.code === event.event_code)?.name ?? event.event_code,
    effective_date: event.effective_at.slice(0, 10),
    effective_time: event.effective_at.slice(11, 19),
  }));
