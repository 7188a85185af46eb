import type { Env } from "../platform/config";

/**
 * Asks the company's Durable Object (CompanyWork) to run its background work at `at` (or sooner if it already meant
 * to). Its alarm is stored with the object: a restart loses nothing; the cron re-drives any company whose alarm was
 * missed (scheduled.ts).
 */
export async function wakeCompany(env: Env, companyNit: string, at = Date.now()) {
  await env.COMPANY_WORK.getByName(companyNit).wake(companyNit, at);
}
