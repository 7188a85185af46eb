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

/** What DIAN answers a document create when a test forces it (see `documentFaults`). */
export type DianVerdictFault = "pending" | "rule-90" | "rejection" | "notification";

/** Faults that act on a document create itself rather than on the HTTP exchange. */
export interface DocumentFaults {
  /**
   * DIAN is slow (`pending`), already has the document (`rule-90`), rejects it for FAJ43b (`rejection`), or validates
   * it with a FAJ43b notification that does not invalidate it (`notification`).
   */
  verdict?: DianVerdictFault;
  /** With `pending` (`dian-pending=N`): how many re-sends after the create still find DIAN slow (N − 1). */
  pendingResends?: number;
  /** What DIAN answers once it does (`dian-verdict=rejected|validated`): a FAJ43b rejection, or its usual verdict. */
  finalVerdict?: "rejected" | "validated";
  /** The document is issued and stored, then its answer is lost: `drop`, `malformed`, `503` or `delay:<ms>`. */
  lostAfterIssue?: string;
}

/**
 * Splits a fault list into the faults of the document create (`dian-pending[=N]`, `dian-verdict=rejected`,
 * `dian-rule-90`, `dian-rejection`, `dian-notification`, `lost-after-issue=<how>`) and the transport faults applied
 * before any route runs.
 */
export function splitFaults(fault: string): { document: DocumentFaults; transport: string[] } {
  const document: DocumentFaults = {};
  const transport: string[] = [];
  for (const part of fault.split(",").map((entry) => entry.trim())) {
    const pendingTimes = /^dian-pending(?:=(\d+))?$/.exec(part);
    if (pendingTimes) {
      document.verdict = "pending";
      document.pendingResends = Math.max(1, Number(pendingTimes[1] ?? 1)) - 1;
    } else if (part === "dian-verdict=rejected" || part === "dian-verdict=validated")
      document.finalVerdict = part === "dian-verdict=rejected" ? "rejected" : "validated";
    else if (part === "dian-rule-90") document.verdict = "rule-90";
    else if (part === "dian-rejection") document.verdict = "rejection";
    else if (part === "dian-notification") document.verdict = "notification";
    else if (part.startsWith("lost-after-issue=")) document.lostAfterIssue = part.slice(17);
    else if (part) transport.push(part);
  }
  return { document, transport };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 60_000)));

/** 503 as Factus answers it while in maintenance, with the Retry-After it sends then. */
const maintenance = () =>
  Response.json(
    { status: "Service Unavailable", message: "Servicio en mantenimiento, intente más tarde" },
    { status: 503, headers: { "Retry-After": "30" } },
  );

/** 402 as Factus answers it when the subscription has no documents left. */
export const subscriptionExhausted = () =>
  Response.json(
    {
      status: "Payment Required",
      message: "No tiene documentos disponibles en su suscripción. Adquiera un nuevo plan para continuar",
    },
    { status: 402 },
  );

/** 403 with the reason Factus gives when the company may not use a feature. */
const forbidden = () =>
  Response.json(
    { status: "Forbidden", message: "La empresa no tiene habilitada la facturación electrónica en Factus" },
    { status: 403 },
  );

const truncatedSuccess = () =>
  new Response('{"status":"Created","message":"Documento registrado","data":{"bill":{"number":', {
    status: 201,
    headers: { "content-type": "application/json" },
  });

// The Worker entry turns this marker into a broken stream: a stream that breaks inside the Durable Object would
// reach the caller as a clean 500 instead of a lost connection.
const dropMarker = () => new Response(null, { headers: { [DROP_MARKER]: "1" } });

/**
 * Test-only transport faults, from an `X-Emulator-Fault` header or armed through `/__emulator/faults`:
 * `latency=<ms>` (wait, then answer normally unless another fault follows), `status=<code>` (answer that status;
 * 402, 403 and 503 with Factus' bodies), `malformed-json` (200 with a truncated JSON body), `drop` (headers, then the
 * body stream breaks), `rate-limit=<s>` (429 with Retry-After). Production Factus never sees these.
 */
export async function applyTransportFaults(c: Context, faults: string[]): Promise<Response | undefined> {
  for (const part of faults) {
    const [name, value] = part.split("=");
    if (name === "latency") {
      await sleep(Number(value) || 0);
    } else if (name === "status") {
      const status = Number(value) || 500;
      if (status === 402) return subscriptionExhausted();
      if (status === 403) return forbidden();
      if (status === 503) return maintenance();
      return c.json({ message: status >= 500 ? "Server Error" : "Emulated error" }, status as 500);
    } else if (name === "malformed-json") {
      return new Response('{"status":"OK","message":"Solicitud exitosa","data":{"number":', {
        headers: { "content-type": "application/json" },
      });
    } else if (name === "drop") {
      return dropMarker();
    } else if (name === "rate-limit") {
      return c.json({ message: "Too Many Attempts." }, 429, { "Retry-After": value ?? "7" });
    }
  }
  return undefined;
}

/**
 * `lost-after-issue`: the document was issued and stored; the caller gets no usable answer. `delay:<ms>` answers
 * normally after that long (past a client's timeout), the others lose the answer outright.
 */
export async function loseAnswer(how: string | undefined, answer: Response): Promise<Response> {
  if (!how) return answer;
  if (how === "drop") return dropMarker();
  if (how === "malformed") return truncatedSuccess();
  if (how === "503") return maintenance();
  if (how.startsWith("delay:")) {
    await sleep(Number(how.slice(6)) || 0);
    return answer;
  }
  return answer;
}
