import { RADIAN_EVENTS } from "@factus-edge/contracts";
import type { Context } from "hono";
import { Hono } from "hono";
import * as z from "zod";
import { sha384Hex } from "../documents/cufe";
import { sameSecret } from "../secrets";
import type { Account } from "../services/account";

const FaultBody = z.object({
  fault: z.string().min(1),
  times: z.int().positive().default(1),
  path_prefix: z.string().default("/v1/"),
});
const SettingsBody = z
  .object({
    validated_reference_resend: z.enum(["reject", "return"]).optional(),
    subscription_documents: z.int().nonnegative().optional(),
  })
  .refine((body) => Object.keys(body).length > 0);
const ClockBody = z.object({ advance_seconds: z.number() });
const RadianEventBody = z.object({
  event_code: z.string().refine((code) => RADIAN_EVENTS.some((event) => event.code === code)),
});

/** A test control's JSON body (tests send it with or without a content type), or undefined when it does not fit. */
async function adminBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S> | undefined> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  return parsed.success ? parsed.data : undefined;
}

/**
 * `/__emulator/*`: test controls Factus does not have (arm faults, move the clock, record RADIAN events, read sent
 * e-mails, see the headers of the last call). Guarded by `X-Emulator-Admin: <EMULATOR_ADMIN_SECRET>` and off when FAULTS_ENABLED is "false".
 */
export function adminRoutes(account: Account) {
  const app = new Hono();

  app.use(async (c, next) => {
    const secret = c.req.header("x-emulator-admin") ?? "";
    if (!account.config.faultsEnabled || !sameSecret(secret, account.config.adminSecret)) {
      return c.json({ message: "Not Found" }, 404);
    }
    await next();
  });

  app.post("/faults", async (c) => {
    const body = await adminBody(c, FaultBody);
    if (!body) return c.json({ message: "fault is required" }, 422);
    account.armedFaults.push({ fault: body.fault, remaining: body.times, pathPrefix: body.path_prefix });
    return c.json({ armed: account.armedFaults.length });
  });

  app.delete("/faults", (c) => {
    account.armedFaults.length = 0;
    return c.json({ armed: 0 });
  });

  app.post("/settings", async (c) => {
    const body = await adminBody(c, SettingsBody);
    if (!body) {
      return c.json(
        {
          message:
            'validated_reference_resend ("reject" | "return") or subscription_documents (≥ 0) is required',
        },
        422,
      );
    }
    if (body.validated_reference_resend)
      account.settings.validatedReferenceResend = body.validated_reference_resend;
    if (body.subscription_documents !== undefined)
      account.settings.subscriptionDocuments = body.subscription_documents;
    return c.json(body);
  });

  app.post("/clock", async (c) => {
    const body = await adminBody(c, ClockBody);
    if (!body) return c.json({ message: "advance_seconds is required" }, 422);
    account.advanceClock(body.advance_seconds);
    return c.json({ now: account.now() });
  });

  app.post("/bills/:number/radian-events", async (c) => {
    const bill = account.store.documentByNumber("bill", c.req.param("number"));
    if (bill?.status !== 1) return c.json({ message: "No validated bill with that number" }, 404);
    const body = await adminBody(c, RadianEventBody);
    if (!body) return c.json({ message: "Unknown event_code" }, 422);
    const code = body.event_code;
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
