import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emulatorCredentials, emulatorV2Credentials } from "../testing/helpers";
import { api, emulator, json } from "./helpers";

// Factus enables one API version per company: the token opens both, the other version's paths answer 403
// (SPEC §7). And Cloudflare, in front of Factus, refuses any request without a User-Agent.

const VERSION_REFUSAL = { message: "Version de API no disponible para esta empresa" };

const tokenOf = (username: string) => emulator.forAccount(username).accessToken();

describe("accounts are scoped to one API version", () => {
  it("a v1 account gets 403 on /v2, a v2 account 403 on /v1; each is served on its own", async () => {
    const v1 = await tokenOf(`versions-${crypto.randomUUID()}@empresa.test`);
    const v2 = await tokenOf(`versions-v2-${crypto.randomUUID()}@empresa.test`);

    const refusedV2 = await api(v1, "/v2/numbering-ranges");
    expect(refusedV2.status).toBe(403);
    expect(await json(refusedV2)).toEqual(VERSION_REFUSAL);
    const refusedV1 = await api(v2, "/v1/numbering-ranges");
    expect(refusedV1.status).toBe(403);
    expect(await json(refusedV1)).toEqual(VERSION_REFUSAL);

    expect((await api(v1, "/v1/numbering-ranges")).status).toBe(200);
    expect((await api(v2, "/v2/numbering-ranges")).status).toBe(200);
  });

  it("the seeded v2 account signs in with the seeded password; a bad token is still a 401 first", async () => {
    expect(emulatorV2Credentials).toMatchObject({ username: "sandbox-v2@factus.local" });
    const v2 = await tokenOf(emulatorV2Credentials.username);
    expect(await json(await api(v2, "/v1/company"))).toEqual(VERSION_REFUSAL);
    const anonymous = await api("not-a-token", "/v2/numbering-ranges");
    expect(anonymous.status).toBe(401);
  });
});

describe("Cloudflare in front of Factus", () => {
  const bare = (path: string, init: RequestInit = {}) =>
    exports.default.fetch(new Request(`http://emulator.test${path}`, init));

  it("refuses every Factus path without a User-Agent: 403, Cloudflare's HTML error 1010", async () => {
    const token = await emulator.accessToken();
    const form = new URLSearchParams({
      grant_type: "password",
      client_id: emulatorCredentials.clientId,
      client_secret: emulatorCredentials.clientSecret,
      username: emulatorCredentials.username,
      password: emulatorCredentials.password,
    });
    const requests: [string, RequestInit][] = [
      ["/oauth/token", { method: "POST", body: form }],
      ["/v1/bills", { headers: { authorization: `Bearer ${token}` } }],
      ["/v2/bills", { headers: { authorization: `Bearer ${token}` } }],
      ["/v1/company", { headers: { authorization: `Bearer ${token}`, "user-agent": " " } }],
    ];
    for (const [path, init] of requests) {
      const response = await bare(path, init);
      expect(response.status, path).toBe(403);
      expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
      expect(response.headers.get("server")).toBe("cloudflare");
      const page = await response.text();
      expect(page).toContain("Error code 1010");
      expect(page).toContain("Access denied");
      expect(page).toContain(
        `Cloudflare Ray ID: <strong class="font-semibold">${response.headers.get("cf-ray")}`,
      );
    }
    const withAgent = await bare("/v1/company", {
      headers: { authorization: `Bearer ${token}`, "user-agent": "factus-edge/1.0" },
    });
    expect(withAgent.status).toBe(200);
    await withAgent.text();
  });
});
