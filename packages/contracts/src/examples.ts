import type { CreateInvoiceRequestInput } from "./schemas/invoice-request";

/**
 * The customer's documented create request (seed 000), with its NIT check digit fixed (7 → 8) and a real e-mail
 * where the published page shows an obfuscated one: the example the OpenAPI document shows and a frontend can start
 * from. Prices include IVA (Factus v1): it totals 1,000,000.00 (840,336.13 + 159,663.87 IVA).
 */
export const CREATE_INVOICE_EXAMPLE = {
  reference_code: "INV-2024-001",
  payment_method_code: "10",
  payment_form: "1",
  customer: {
    identification_document_id: 6,
    identification: "900123456",
    dv: "8",
    company: "Acme Corporation S.A.S.",
    email: "compras@acme.com.co",
    address: "Calle 123 #45-67",
    phone: "3001234567",
    municipality_id: 11001,
    legal_organization_id: 1,
    tribute_id: 1,
  },
  items: [
    {
      code_reference: "PROD-001",
      name: "Software License",
      quantity: 1,
      price: 1000000.0,
      discount_rate: 0.0,
      tax_rate: 19.0,
      unit_measure_id: 70,
      standard_code_id: 999,
      is_excluded: 0,
      tribute_id: 1,
    },
  ],
} satisfies CreateInvoiceRequestInput;
