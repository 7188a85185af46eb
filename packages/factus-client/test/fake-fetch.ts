import { readFileSync } from "node:fs";

export interface Call {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  redirect: RequestRedirect;
}

type Responder = (call: Call, index: number) => Response | Promise<Response>;

/** A fetch that records every call and answers with `responder`; unbound calls only (like the client makes). */
export function fakeFetch(responder: Responder) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const call = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: await request.text(),
      redirect: request.redirect,
    };
    calls.push(call);
    if (init?.signal?.aborted) throw init.signal.reason;
    return responder(call, calls.length - 1);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

export const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

/** A published Factus v2 example body (fixtures/factus-v2). */
// biome-ignore lint/suspicious/noExplicitAny: raw fixture JSON
export const v2Example = (name: string): any =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/factus-v2/${name}.json`, import.meta.url), "utf8"));

/** A published Factus example body. */
// biome-ignore lint/suspicious/noExplicitAny: raw fixture JSON
export const example = (name: string): any =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/factus-v1/${name}.json`, import.meta.url), "utf8"));
