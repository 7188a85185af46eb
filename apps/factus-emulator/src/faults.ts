import type { Context } from "hono";

export const DROP_MARKER = "x-emulator-drop";

/** Headers, then half a JSON body, then the stream breaks: what a dropped connection looks like to a caller. */
export function droppedResponse(): Response {
  const { readable, writable } = new TransformStream();
  const writer = writable.getWriter();
  writer.write(new TextEncoder().encode('{"status":"OK",'));
  setTimeout(() => writer.abort(new Error("connection dropped by the emulator")), 20);
  return new Response(readable, { headers: { "content-type": "application/json" } });
}

/**
 * Test-only faults, from an `X-Emulator-Fault` header or armed through `/__emulator/faults`. A fault is a
 * comma-separated list of: `latency=<ms>` (wait, then answer normally unless another fault follows),
 * `status=<code>` (answer that status), `malformed-json` (200 with a truncated JSON body), `drop` (headers, then
 * the body stream breaks: what a dropped connection looks like to the caller), `rate-limit` (429 with Retry-After).
 * `dian-rejection` is not applied here: on a bill create it makes DIAN reject the bill for a rule the emulator does
 * not otherwise model (FAJ43b), so the bill is stored as pending and blocks its range like any real rejection.
 * Production Factus never sees these: they exist only here.
 */
export async function applyFault(c: Context, fault: string): Promise<Response | undefined> {
  for (const part of fault.split(",").map((entry) => entry.trim())) {
    const [name, value] = part.split("=");
    if (name === "latency") {
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number(value) || 0, 60_000)));
    } else if (name === "status") {
      const status = Number(value) || 500;
      return c.json({ message: status >= 500 ? "Server Error" : "Emulated error" }, status as 500);
    } else if (name === "malformed-json") {
      return new Response('{"status":"OK","message":"Solicitud exitosa","data":{"number":', {
        headers: { "content-type": "application/json" },
      });
    } else if (name === "drop") {
      // The Worker entry turns this marker into a broken stream: a stream that breaks inside the Durable Object
      // would reach the caller as a clean 500 instead of a lost connection.
      return new Response(null, { headers: { [DROP_MARKER]: "1" } });
    } else if (name === "rate-limit") {
      return c.json({ message: "Too Many Attempts." }, 429, { "Retry-After": value ?? "7" });
    }
  }
  return undefined;
}
