// Run by test/packaging.test.ts inside a fresh npm project: the three packages as a user outside the monorepo
// imports them, against the running stack (EDGE_URL, EMULATOR_URL). Prints one JSON line of what it saw.
import {
  CREATE_INVOICE_EXAMPLE,
  CreateInvoiceRequest,
  computeInvoiceTotals,
  FactusBillRequest,
  nitCheckDigit,
} from "@factus-edge/contracts";
import * as factusWire from "@factus-edge/contracts/factus";
import { FactusClient } from "@factus-edge/factus-client";
import {
  createEdgeClient,
  createInvoice,
  EdgeApiError,
  factusLogin,
  getInvoice,
  login,
} from "@factus-edge/sdk";
import * as z from "zod";

// The consumer's own zod configuration must reach the packages' schemas (zod is a peer dependency: one copy).
z.config({ customError: () => "configured by the consumer" });
const consumerMessage = CreateInvoiceRequest.safeParse(42).error?.issues[0]?.message;

const factus = new FactusClient({
  baseURL: process.env.EMULATOR_URL,
  credentials: {
    clientId: "emulator-client-id",
    clientSecret: "emulator-client-secret",
    username: "sandbox@factus.local",
    password: "sandbox-password",
  },
});
const ranges = await factus.numberingRanges.list();

const edge = createEdgeClient({ baseUrl: process.env.EDGE_URL });
await login(edge, { body: { email: process.env.DEMO_EMAIL, password: process.env.DEMO_PASSWORD } });
await factusLogin(edge, { body: { email: "packaging@factus.local", password: "sandbox-password" } });
const request = { ...CREATE_INVOICE_EXAMPLE, reference_code: `PACK-${Date.now()}` };
const created = await createInvoice(edge, { body: request });
const detail = await getInvoice(edge, { path: { number: created.number } });
const missing = await getInvoice(edge, { path: { number: "SETP0" } }).catch((error) => error);

console.log(
  JSON.stringify({
    nitCheckDigit: nitCheckDigit("900123456"),
    // The Factus subpath and the main entry share one module per schema, so one object.
    factusSubpath: factusWire.FactusBillRequest === FactusBillRequest,
    total: computeInvoiceTotals(request).bill.total,
    consumerMessage,
    rangeCount: ranges.length,
    created: { number: created.number, dian_status: created.dian_status, total: created.total },
    // The frontend's preview and the issued invoice agree to the cent.
    totalsAgree: computeInvoiceTotals(request).bill.total === created.total.toFixed(2),
    detailCufe: detail.data.bill.cufe === created.cufe,
    missing: { isEdgeApiError: missing instanceof EdgeApiError, status: missing.status, code: missing.code },
  }),
);
