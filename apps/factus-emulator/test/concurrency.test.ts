import { describe, expect, it } from "vitest";
import { accessToken, api, exampleBill, json, newBillRange } from "./helpers";

describe("numbering under concurrency", () => {
  it("20 parallel creates on one range get 20 distinct consecutive numbers", async () => {
    const token = await accessToken();
    const range = await newBillRange(token, 5000);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(token, "/v1/bills/validate", { method: "POST", body: exampleBill(range.id) }),
      ),
    );
    const bodies = await Promise.all(responses.map(json));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const numbers = bodies
      .map((body) => Number(body.data.bill.number.slice(range.prefix.length)))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => 5000 + index));
    const cufes = new Set(bodies.map((body) => body.data.bill.cufe));
    expect(cufes.size).toBe(20);
  });

  it("parallel creates with one reference code make one bill", async () => {
    const token = await accessToken();
    const range = await newBillRange(token);
    const bill = exampleBill(range.id);
    const statuses = await Promise.all(
      Array.from(
        { length: 10 },
        async () => (await api(token, "/v1/bills/validate", { method: "POST", body: bill })).status,
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(9);
    const listed = await json(await api(token, `/v1/bills?filter[reference_code]=${bill.reference_code}`));
    expect(listed.data.pagination.total).toBe(1);
  });
});
