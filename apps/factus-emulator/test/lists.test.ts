import { beforeAll, describe, expect, it } from "vitest";
import { accessToken, api, exampleBill, json, newBillRange } from "./helpers";

// Factus' list filters (`filter[reference_code]=…`) are partial matches in which `_` stands for any one character
// and `%` for any run of characters, as measured against Factus; the emulator keeps that for any filter length.

let token: string;
let rangeId: number;
beforeAll(async () => {
  token = await accessToken();
  rangeId = (await newBillRange(token)).id;
});

const createBill = async (reference: string) => {
  const response = await api(token, "/v1/bills/validate", {
    method: "POST",
    body: exampleBill(rangeId, { reference_code: reference }),
  });
  const body = await json(response);
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.data.bill.number as string;
};
const referencesMatching = async (filter: string) => {
  const response = await api(token, `/v1/bills?filter[reference_code]=${encodeURIComponent(filter)}`);
  const body = await json(response);
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.data.data.map((row: { reference_code: string }) => row.reference_code).sort();
};

describe("list filters", () => {
  it("find a bill by its whole 100-character reference code", async () => {
    const reference = `L${crypto.randomUUID().replaceAll("-", "")}`.padEnd(100, "x");
    const number = await createBill(reference);
    const response = await api(token, `/v1/bills?filter[reference_code]=${reference}`);
    const body = await json(response);
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.data.data.map((row: { number: string }) => row.number)).toEqual([number]);
  });

  it("read `_` as any one character and `%` as any run, case aside, as Factus does", async () => {
    const base = `L${crypto.randomUUID().slice(0, 8)}`;
    const [one, underscore, none, longer] = [`${base}-S1X`, `${base}-S_X`, `${base}-SX`, `${base}-S12X`];
    for (const reference of [one, underscore, none, longer]) await createBill(reference);
    expect(await referencesMatching(`${base}-S_X`)).toEqual([underscore, one].sort());
    expect(await referencesMatching(`${base}-s_x`)).toEqual([underscore, one].sort());
    expect(await referencesMatching(`${base}-S%X`)).toEqual([one, longer, underscore, none].sort());
    expect(await referencesMatching(`${base}-S__X`)).toEqual([longer]);
    expect(await referencesMatching(`${base}-S1`)).toEqual([one, longer].sort());
  });
});
