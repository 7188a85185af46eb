import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import seedRequest from "../../fixtures/seeds/create-invoice.request.json";
import { type Stack, startStack } from "../lib/stack";

// `pnpm dev`'s stack (wrangler dev: D1, Durable Objects and their alarms on disk), with the local retry schedule
// shortened to seconds: a pending invoice is finished by the gateway alone, and told to a receiver by a signed
// webhook, even across a restart of the edge in the middle of its job.

const ACCOUNT = "sandbox@factus.local";

describe("background completion through wrangler dev", () => {
  let stack: Stack;
  let jwt: string;
  let factusToken: string;
  let secret: string;
  const inbox = `e2e-${crypto.randomUUID()}`;

  const edge = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${stack.edgeUrl}/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: {
        authorization: `Bearer ${jwt}`,
        "x-factus-token": factusToken,
        ...(init.body ? { "content-type": "application/json" } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { status: response.status, body: await response.json() };
  };
  const emulatorAdmin = async (path: string, body?: unknown) => {
    const response = await fetch(`${stack.emulatorUrl}/__emulator${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "x-emulator-admin": stack.emulatorAdminSecret, "x-emulator-account": ACCOUNT },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json();
  };
  const received = async (): Promise<{ id: string; timestamp: string; signature: string; body: string }[]> =>
    (await (await fetch(`${stack.emulatorUrl}/webhook-receiver/${inbox}`)).json()).received;
  const validatedHook = async (number: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const hook = (await received()).find(
        (entry) => entry.body.includes(number) && JSON.parse(entry.body).type === "invoice.validated",
      );
      if (hook) return hook;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`no invoice.validated for ${number} in ${timeoutMs} ms`);
  };
  /** The customer's seed request (check digit fixed, a real e-mail) under a fresh reference. */
  const invoice = (reference: string) => ({
    ...seedRequest,
    reference_code: reference,
    customer: { ...seedRequest.customer, dv: "8", email: "facturacion@acme.test" },
  });
  const createPending = async (pendingResends: number) => {
    await emulatorAdmin("/faults", {
      fault: `dian-pending=${pendingResends + 1}`,
      path_prefix: "/v1/bills/validate",
    });
    const reference = `E2E-${crypto.randomUUID().slice(0, 8)}`;
    const created = await edge("/invoices", { method: "POST", body: invoice(reference) });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    return created.body.data.number as string;
  };
  const validateCalls = async () => (await emulatorAdmin("/calls")).calls["POST /v1/bills/validate"] ?? 0;

  beforeAll(async () => {
    stack = await startStack({ vars: { DOCUMENT_RETRY_SCHEDULE_SECONDS: "2" } });
    const login = await (
      await fetch(`${stack.edgeUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: stack.demoUser.email, password: stack.demoUser.password }),
      })
    ).json();
    jwt = login.data.access_token;
    const factus = await (
      await fetch(`${stack.edgeUrl}/api/v1/auth/factus/login`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${jwt}` },
        body: JSON.stringify({ email: ACCOUNT, password: "sandbox-password" }),
      })
    ).json();
    factusToken = factus.data.access_token;
    const endpoint = await edge("/webhook-endpoints", {
      method: "POST",
      body: { url: `${stack.emulatorUrl}/webhook-receiver/${inbox}`, events: ["invoice.validated"] },
    });
    expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201);
    secret = endpoint.body.data.secret;
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it("a dian-pending=3 invoice is validated with no client call after the 202, and told by a verifiable webhook", async () => {
    const before = await validateCalls();
    const number = await createPending(2);
    const hook = await validatedHook(number, 60_000);
    const event = new Webhook(secret).verify(hook.body, {
      "webhook-id": hook.id,
      "webhook-timestamp": hook.timestamp,
      "webhook-signature": hook.signature,
    }) as { data: { data: { bill: { number: string; dian_status: string } } } };
    expect(event.data.data.bill).toMatchObject({ number, dian_status: "validated" });
    // The create and three re-sends (two still pending, the third validated): nothing more reached Factus.
    expect((await validateCalls()) - before).toBe(4);
  }, 90_000);

  it("a restart of wrangler dev in the middle of a job: it resumes and finishes, nothing sent twice", async () => {
    const before = await validateCalls();
    const number = await createPending(3);
    // The first re-send is due 2 s after the 202: the edge is down from before it until well after it.
    await stack.restartEdge({ downMs: 4_000 });
    await validatedHook(number, 90_000);
    expect((await validateCalls()) - before).toBe(5);
    const detail = await edge(`/invoices/${number}`);
    expect(detail.body.data.data.bill).toMatchObject({ dian_status: "validated", completion: null });
  }, 180_000);
});
