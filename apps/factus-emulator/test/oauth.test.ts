import { describe, expect, it } from "vitest";
import tokenExample from "../../../fixtures/factus-v1/autenticacion__auth.1.json";
import refreshExample from "../../../fixtures/factus-v1/autenticacion__refresh-token.1.json";
import { emulatorCredentials } from "../testing/helpers";
import { api, call, emulator, json, passwordGrant, shapeMismatches } from "./helpers";

describe("OAuth", () => {
  it("password grant answers the published token shape", async () => {
    const response = await passwordGrant();
    const body = await json(response);
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(shapeMismatches(tokenExample, body)).toEqual([]);
    expect(body.expires_in).toBe(3600);
  });

  it("refuses a wrong password (400 invalid_grant) and a wrong client (401 invalid_client)", async () => {
    const wrongPassword = await passwordGrant({ password: "nope" });
    expect(wrongPassword.status).toBe(400);
    expect((await json(wrongPassword)).error).toBe("invalid_grant");
    const wrongClient = await passwordGrant({ client_secret: "nope" });
    expect(wrongClient.status).toBe(401);
  });

  it("with EMULATOR_OPEN_ACCOUNTS (the tests' setting), another username opens an isolated company, password checked", async () => {
    const username = `otra-${crypto.randomUUID()}@empresa.test`;
    expect((await passwordGrant({ username, password: "wrong-password" })).status).toBe(400);
    const other = await json(await passwordGrant({ username }));
    const bills = await json(await api(other.access_token, "/v1/bills"));
    expect(bills.data.pagination.total).toBe(0);
  });

  it("rotates refresh tokens: the new pair works, the old pair stops working", async () => {
    const first = await json(await passwordGrant());
    const form = (refresh: string) =>
      new URLSearchParams({
        grant_type: "refresh_token",
        client_id: emulatorCredentials.clientId,
        client_secret: emulatorCredentials.clientSecret,
        refresh_token: refresh,
      });
    const refreshed = await call("/oauth/token", { method: "POST", body: form(first.refresh_token) });
    const second = await json(refreshed);
    expect(refreshed.status, JSON.stringify(second)).toBe(200);
    expect(shapeMismatches(refreshExample, second)).toEqual([]);
    expect(second.access_token).not.toBe(first.access_token);

    expect((await api(second.access_token, "/v1/numbering-ranges")).status).toBe(200);
    expect((await api(first.access_token, "/v1/numbering-ranges")).status).toBe(401);
    const reused = await call("/oauth/token", { method: "POST", body: form(first.refresh_token) });
    expect(reused.status).toBe(400);
  });

  it("answers 401 Unauthenticated. without a token, with a bad one, and once the token expires", async () => {
    for (const headers of [{}, { authorization: "Bearer nope" }] as HeadersInit[]) {
      const response = await call("/v1/bills", { headers });
      expect(response.status).toBe(401);
      expect(await json(response)).toEqual({ message: "Unauthenticated." });
    }
    const token = (await json(await passwordGrant())).access_token;
    expect((await api(token, "/v1/company")).status).toBe(200);
    await emulator.advanceClock(3601);
    try {
      expect((await api(token, "/v1/company")).status).toBe(401);
    } finally {
      await emulator.advanceClock(-3601);
    }
  });
});
