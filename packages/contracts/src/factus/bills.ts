import * as z from "zod";
import {
  FactusCodeName,
  FactusCodeText,
  FactusFlag,
  FactusMoney,
  FactusNotifications,
  factusEnvelope,
  factusPage,
} from "./common";

export const FactusCompany = z.looseObject({
  nit: FactusCodeText,
  dv: FactusCodeText.nullable().optional(),
  company: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  graphic_representation_name: z.string().nullable().optional(),
  direction: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  municipality: z.unknown().optional(),
});

export const FactusBillCustomer = z.looseObject({
  identification: FactusCodeText,
  dv: FactusCodeText.nullable().optional(),
  graphic_representation_name: z.string().nullable().optional(),
  company: z.string().nullable().optional(),
  trade_name: z.string().nullable().optional(),
  names: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});

export const FactusBillItem = z.looseObject({
  code_reference: z.string(),
  name: z.string(),
  quantity: z.union([z.number(), z.string()]).transform(Number),
  discount_rate: FactusMoney,
  discount: FactusMoney,
  gross_value: FactusMoney,
  tax_rate: FactusMoney,
  taxable_amount: FactusMoney,
  tax_amount: FactusMoney,
  price: FactusMoney,
  is_excluded: FactusFlag,
  total: FactusMoney,
});

export const FactusBillRecord = z.looseObject({
  id: z.number(),
  document: FactusCodeName.optional(),
  number: z.string(),
  reference_code: z.string().nullable(),
  status: FactusFlag,
  send_email: FactusFlag.optional(),
  qr: z.string().nullable(),
  cufe: z.string().nullable(),
  validated: z.string().nullable().optional(),
  gross_value: FactusMoney,
  taxable_amount: FactusMoney,
  tax_amount: FactusMoney,
  discount_amount: FactusMoney,
  surcharge_amount: FactusMoney,
  total: FactusMoney,
  observation: z.string().nullable().optional(),
  errors: FactusNotifications,
  created_at: z.string(),
  payment_due_date: z.string().nullable().optional(),
  qr_image: z.string().nullable().optional(),
});

/** The credit notes that correct a bill, as its detail and list rows name them. */
export const FactusCreditNoteRefs = z
  .array(z.looseObject({ id: z.number(), number: z.string() }))
  .nullable()
  .optional()
  .transform((notes) => (notes ?? []).map(({ id, number }) => ({ id, number })));

/** `data` of bill create and show. */
export const FactusBill = z.looseObject({
  company: FactusCompany,
  customer: FactusBillCustomer,
  numbering_range: z.looseObject({ prefix: z.string() }).nullable().optional(),
  bill: FactusBillRecord,
  items: z.array(FactusBillItem),
  credit_notes: FactusCreditNoteRefs,
});
export type FactusBill = z.infer<typeof FactusBill>;
export const FactusBillResponse = factusEnvelope(FactusBill);

/** A row of `GET /v1/bills`. */
export const FactusBillSummary = z.looseObject({
  id: z.number(),
  number: z.string(),
  reference_code: z.string().nullable(),
  identification: FactusCodeText,
  graphic_representation_name: z.string().nullable(),
  company: z.string().nullable().optional(),
  names: z.string().nullable().optional(),
  email: z.string().nullable(),
  total: FactusMoney,
  status: FactusFlag,
  errors: FactusNotifications,
  created_at: z.string(),
  credit_notes: FactusCreditNoteRefs,
});
export type FactusBillSummary = z.infer<typeof FactusBillSummary>;
export const FactusBillPage = factusPage(FactusBillSummary);
export type FactusBillPage = z.infer<typeof FactusBillPage>;

export const FactusPdf = factusEnvelope(
  z.looseObject({ file_name: z.string(), pdf_base_64_encoded: z.string() }),
);
export const FactusXml = factusEnvelope(
  z.looseObject({ file_name: z.string(), xml_base_64_encoded: z.string() }),
);

export const FactusRadianEvent = z.looseObject({
  number: z.string(),
  cude: z.string(),
  event_code: FactusCodeText,
  event_name: z.string(),
  effective_date: z.string(),
  effective_time: z.string(),
});
export const FactusRadianEvents = factusEnvelope(z.array(FactusRadianEvent));

/** `POST /v1/bills/radian/events/update/{number}/{event}`: who emits the event (facturas/aceptacion-tacita). */
export const FactusRadianEventRequest = z.strictObject({
  identification_document_code: z.string().min(1),
  identification: z.string().min(1),
  dv: z.string().optional(),
  first_name: z.string().min(1),
  last_name: z.string().min(1),
  job_title: z.string().optional(),
  organization_department: z.string().optional(),
});
export type FactusRadianEventRequest = z.infer<typeof FactusRadianEventRequest>;

export const FactusEmailContent = factusEnvelope(
  z.looseObject({ subject: z.string(), attached_document: z.string() }),
);

export const FactusSendEmailRequest = z.strictObject({
  email: z.email(),
  pdf_base_64_encoded: z.string().optional(),
});
export type FactusSendEmailRequest = z.infer<typeof FactusSendEmailRequest>;
