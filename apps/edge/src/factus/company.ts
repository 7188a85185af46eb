import type { Context } from "hono";
import type { AppEnv } from "../platform/context";
import { callFactus, factusTokenDigest, upstream } from "./call";

/**
 * The Factus company a token acts for (its NIT, as Factus itself answers it), learned once per token and isolate:
 * what belongs to a company (a credit note's lease on its invoice, pending requests, idempotency keys) is keyed by
 * it, never by an unverified claim read out of the token. A token never changes company, so the answer is kept as
 * long as a Factus token lives; keyed by the token's digest, never the token. In steady state it costs no trip.
 */
const KEEP_MS = 3_600_000;
const MAX_TOKENS = 10_000;
/**
 * Answers kept per token digest. Only settled answers are shared across requests: a call in flight belongs to the
 * request that made it (workerd cancels a request's I/O when it ends), so another request never waits on it.
 */
const companies = new Map<string, { at: number; nit: string }>();

export async function companyNitOf(c: Context<AppEnv>): Promise<string> {
  const digest = await factusTokenDigest(c);
  const known = companies.get(digest);
  if (known && Date.now() - known.at < KEEP_MS) return known.nit;
  let asking = c.get("companyNit");
  if (!asking) {
    asking = callFactus(() => c.get("factus").company.get(upstream(c))).then((company) => {
      const nit = String((company as { nit: unknown }).nit);
      if (companies.size >= MAX_TOKENS) companies.clear();
      companies.set(digest, { at: Date.now(), nit });
      return nit;
    });
    c.set("companyNit", asking);
    asking.catch(() => c.set("companyNit", undefined));
  }
  return asking;
}

/** A company's name as Factus answers it (v1 and v2 alike): its legal name, else its printed one, else a person's. */
export function companyNameOf(company: Record<string, unknown>): string {
  const person = [company.names, company.surnames].filter(Boolean).join(" ");
  return String(company.company || company.graphic_representation_name || person);
}

/**
 * A document Factus answered to this token names the token's company: kept as if asked, so that a token's first
 * create needs no lookup of its company (the ledger and the background work key on it).
 */
export async function learnCompanyNit(c: Context<AppEnv>, nit: string) {
  const digest = await factusTokenDigest(c);
  if (companies.has(digest)) return;
  if (companies.size >= MAX_TOKENS) companies.clear();
  companies.set(digest, { at: Date.now(), nit });
}
