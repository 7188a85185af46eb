import type * as z from "zod";
import { InvoiceCustomer, invoiceShape, MunicipalityId, PricesIncludeTax } from "./invoice-fields";
import { addIssues, dianRuleViolations, factusRequestIssues } from "./invoice-rules";

/**
 * Body of `POST /api/v1/invoices`: Factus v1's create-and-validate request, checked for what Factus refuses and for
 * what DIAN would reject after burning a consecutive number (`invoice-rules.ts`). Its output is what goes upstream,
 * with DIAN codes normalized to Factus ids.
 */
export const CreateInvoiceRequest = invoiceShape(InvoiceCustomer, MunicipalityId)
  // Public only: Factus' own request (FactusBillRequest) has no price mode.
  .extend({ prices_include_tax: PricesIncludeTax })
  .superRefine((invoice, ctx) => {
    addIssues(ctx, factusRequestIssues(invoice));
    addIssues(ctx, dianRuleViolations(invoice));
  })
  .meta({
    id: "CreateInvoiceRequest",
    description:
      "Factura electrónica de venta a crear y validar ante la DIAN (nombres de campos de Factus v1).",
  });
export type CreateInvoiceRequest = z.output<typeof CreateInvoiceRequest>;
export type CreateInvoiceRequestInput = z.input<typeof CreateInvoiceRequest>;
