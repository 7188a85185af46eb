import { RADIAN_EVENTS } from "@factus-edge/contracts";
import type { Context } from "hono";
import { Hono } from "hono";
import * as z from "zod";
import { sameSecret } from "../secrets";
import type { Account, AccountSettings } from "../services/account";
import { recordRadianEvent } from "../services/radian";

const FaultBody = z.object({
  fault: z.string().min(1),
  times: z.int().positive().default(1),
  path_prefix: z.string().default("/v1/"),
});
/** `/__emulator/settings`: each key switches one of the account's settings (AccountSettings). */
const SETTINGS = {
  validated_reference_resend: ["validatedReferenceResend", z.enum(["reject", "return"])],
  subscription_documents: ["subscriptionDocuments", z.int().nonnegative()],
  v2_rounding: ["v2Rounding", z.enum(["half-up", "half-even"])],
  v2_rejected_create: ["v2RejectedCreate", z.enum(["422", "201"])],
  v2_rejection_blocks_range: ["v2RejectionBlocksRange", z.boolean()],
  v2_total_includes_cash_rounding: ["v2TotalIncludesCashRounding", z.boolean()],
  v2_errors_shape: ["v2ErrorsShape", z.enum(["object", "array"])],
  email_content_attachment: ["emailContentAttachment", z.enum(["zip", "xml"])],
} as const satisfies Record<string, [keyof AccountSettings, z.ZodType]>;
const SettingsBody = z
  .strictObject(
    Object.fromEntries(Object.entries(SETTINGS).map(([key, [, schema]]) => [key, schema.optional()])) as {
      [K in keyof typeof SETTINGS]: z.ZodOptional<(typeof SETTINGS)[K][1]>;
    },
  )
  .refine((body) => Object.keys(body).length > 0);
const ClockBody = z.object({ advance_seconds: z.number() });
const RadianEventBody = z.object({
  event_code: z.string().refine((code) => RADIAN_EVENTS.some((event) => event.code === code)),
  /** How long ago the buyer registered it (a receipt of goods four business days back, for a tacit acceptance). */
  days_ago: z.number().nonnegative().optional(),
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
    if (!body)
      return c.json({ message: `One or more of ${Object.keys(SETTINGS).join(", ")} is required` }, 422);
    for (const [key, value] of Object.entries(body)) {
      const [setting] = SETTINGS[key as keyof typeof SETTINGS];
      Object.assign(account.settings, { [setting]: value });
    }
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
    const at = body.days_ago === undefined ? undefined : account.nowMs() - body.days_ago * 86_400_000;
    return c.json({ number: await recordRadianEvent(account, bill, body.event_code, at) }, 201);
  });

  app.get("/last-request", (c) => c.json({ headers: account.lastRequestHeaders }));
  // How many times each "METHOD path" was called since the account's object started.
  app.get("/calls", (c) => c.json({ calls: Object.fromEntries(account.calls) }));

  app.get("/emails/:number", (c) => {
    const number = c.req.param("number");
    const document = (["bill", "credit_note", "debit_note"] as const)
      .map((kind) => account.store.documentByNumber(kind, number))
      .find(Boolean);
    return c.json({ emails: document ? account.store.emailsOf(document.id) : [] });
  });

  return app;
}
