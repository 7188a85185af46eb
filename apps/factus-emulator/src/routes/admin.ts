import { RADIAN_EVENTS } from "@factus-edge/contracts";
import { Hono } from "hono";
import { sha384Hex } from "../documents/cufe";
import { jsonBody } from "../http";
import type { Account } from "../services/account";
import { safeEqual } from "./oauth";

/**
 * `/__emulator/*`: test controls Factus does not have (arm faults, move the clock, record RADIAN events, read sent
 * e-mails, see the headers of the last call). Guarded by `X-Emulator-Admin: <EMULATOR_ADMIN_SECRET>` and off when FAULTS_ENABLED is "false".
 */
export function adminRoutes(account: Account) {
  const app = new Hono();

  app.use(async (c, next) => {
    const secret = c.req.header("x-emulator-admin") ?? "";
    if (!account.config.faultsEnabled || !safeEqual(secret, account.config.adminSecret)) {
      return c.json({ message: "Not Found" }, 404);
    }
    await next();
  });

  app.post("/faults", async (c) => {
    const body = (await jsonBody(c)) as
      | { fault?: unknown; times?: unknown; path_prefix?: unknown }
      | undefined;
    if (typeof body?.fault !== "string") return c.json({ message: "fault is required" }, 422);
    account.armedFaults.push({
      fault: body.fault,
      remaining: typeof body.times === "number" && body.times > 0 ? body.times : 1,
      pathPrefix: typeof body.path_prefix === "string" ? body.path_prefix : "/v1/",
    });
    return c.json({ armed: account.armedFaults.length });
  });

  app.delete("/faults", (c) => {
    account.armedFaults.length = 0;
    return c.json({ armed: 0 });
  });

  app.post("/settings", async (c) => {
    const body = (await jsonBody(c)) as { validated_reference_resend?: unknown } | undefined;
    const resend = body?.validated_reference_resend;
    if (resend !== "reject" && resend !== "return")
      return c.json({ message: 'validated_reference_resend must be "reject" or "return"' }, 422);
    account.settings.validatedReferenceResend = resend;
    return c.json({ validated_reference_resend: resend });
  });

  app.post("/clock", async (c) => {
    const body = (await jsonBody(c)) as { advance_seconds?: unknown } | undefined;
    const seconds = Number(body?.advance_seconds);
    if (!Number.isFinite(seconds)) return c.json({ message: "advance_seconds is required" }, 422);
    account.advanceClock(seconds);
    return c.json({ now: account.now() });
  });

  app.post("/bills/:number/radian-events", async (c) => {
    const bill = account.store.documentByNumber("bill", c.req.param("number"));
    if (bill?.status !== 1) return c.json({ message: "No validated bill with that number" }, 404);
    const body = (await jsonBody(c)) as { event_code?: unknown } | undefined;
    const code = String(body?.event_code ?? "");
    if (!RADIAN_EVENTS.some((event) => event.code === code))
      return c.json({ message: "Unknown event_code" }, 422);
    const now = account.now();
    const number = `AP${account.store.countEvents() + 1}`;
    account.store.insertEvent({
      document_id: bill.id,
      number,
      cude: await sha384Hex(`${number}${bill.cufe}${code}${now}`),
      event_code: code,
      // Stored in Colombian civil time, as DIAN reports event dates.
      effective_at: new Date(new Date(now).getTime() - 5 * 3600_000).toISOString(),
    });
    return c.json({ number }, 201);
  });

  app.get("/last-request", (c) => c.json({ headers: account.lastRequestHeaders }));

  app.get("/emails/:number", (c) => {
    const document =
      account.store.documentByNumber("bill", c.req.param("number")) ??
      account.store.documentByNumber("credit_note", c.req.param("number"));
    return c.json({ emails: document ? account.store.emailsOf(document.id) : [] });
  });

  return app;
}
