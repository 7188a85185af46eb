import type * as z from "zod";
import { FactusBillRequestCustomer, invoiceShape } from "../schemas/invoice-fields";
import { addIssues, factusRequestIssues } from "../schemas/invoice-rules";
import { integerLike } from "../schemas/primitives";

/**
 * What `POST /v1/bills/validate` takes, with Factus' own request rules only (`factusRequestIssues`): ids must be
 * Factus ids, and the DIAN rules (`dianRuleViolations`) are left to DIAN. The emulator validates with it.
 */
export const FactusBillRequest = invoiceShape(FactusBillRequestCustomer, integerLike(1, 99_999))
  .superRefine((invoice, ctx) => addIssues(ctx, factusRequestIssues(invoice)))
  .meta({ id: "FactusBillRequest" });
export type FactusBillRequest = z.output<typeof FactusBillRequest>;
