import type { DocumentListParams } from "@factus-edge/factus-client/resources/document-routes";
import type { Context } from "hono";
import type { AppEnv } from "../platform/context";
import { upstream } from "./call";
import {
  type BillView,
  billViewOfV2,
  type CreditNoteView,
  creditNoteViewOfV2,
  type NoteView,
  rowOfV2,
} from "./v2-views";

// Bills and credit notes as the gateway reads them on either Factus API version: v1's own shape, or a v2 answer in
// the same fields (v2-views.ts). Errors are the client's typed ones; callers translate them (callFactus).

export async function getBill(c: Context<AppEnv>, number: string): Promise<BillView> {
  const bill = await c.get("factus").bills.get(number, upstream(c));
  return bill.apiVersion === "v2" ? billViewOfV2(bill) : bill;
}

export async function getCreditNote(c: Context<AppEnv>, number: string): Promise<CreditNoteView> {
  const note = await c.get("factus").creditNotes.get(number, upstream(c));
  return note.apiVersion === "v2" ? creditNoteViewOfV2(note) : note;
}

/** A debit note (Factus v2 only), read in a credit note's fields. */
export async function getDebitNote(c: Context<AppEnv>, number: string): Promise<NoteView> {
  return creditNoteViewOfV2(await c.get("factus").debitNotes.get(number, upstream(c)));
}

export async function billPage(c: Context<AppEnv>, filters: DocumentListParams) {
  const page = await c.get("factus").bills.list(filters, upstream(c));
  return page.map((row) => (row.apiVersion === "v2" ? rowOfV2(row) : row));
}

export async function creditNotePage(c: Context<AppEnv>, filters: DocumentListParams) {
  const page = await c.get("factus").creditNotes.list(filters, upstream(c));
  return page.map((row) => (row.apiVersion === "v2" ? rowOfV2(row) : { ...row, email: null }));
}

export async function debitNotePage(c: Context<AppEnv>, filters: DocumentListParams) {
  const page = await c.get("factus").debitNotes.list(filters, upstream(c));
  return page.map(rowOfV2);
}

/** The Factus API version of the caller's account: learnt once per token, then known without a trip. */
export const factusVersionOf = (c: Context<AppEnv>) => c.get("factus").apiVersionOf(upstream(c));
