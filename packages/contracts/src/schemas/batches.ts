import * as z from "zod";
import { Pagination } from "./envelope";
import { ErrorDetail } from "./errors";
import { strict } from "./primitives";
import { DOCUMENT_KINDS } from "./webhooks";

// Month-end batches: many invoices in one request, issued in the background at the pace Factus allows.

export const MAX_BATCH_INVOICES = 2000;

export const CreateInvoiceBatchRequest = strict({
  invoices: z
    .array(z.unknown())
    .min(1)
    .max(MAX_BATCH_INVOICES, { error: `Como máximo ${MAX_BATCH_INVOICES} facturas por lote` })
    .meta({
      description:
        "Cada una como en POST /api/v1/invoices, con su propio `reference_code` (único en el lote). Se validan todas " +
        "antes de emitir ninguna; las que no pasan se devuelven en `refused` y el resto se emite.",
    }),
}).meta({ id: "CreateInvoiceBatchRequest" });
export type CreateInvoiceBatchRequest = z.infer<typeof CreateInvoiceBatchRequest>;

export const BATCH_STATUSES = ["queued", "running", "completed", "cancelled"] as const;
export const BATCH_ITEM_STATUSES = [
  "queued",
  "issuing",
  "validated",
  "pending",
  "rejected",
  "refused",
  "failed",
  "cancelled",
] as const;
export const BatchItemStatus = z.enum(BATCH_ITEM_STATUSES).meta({
  id: "BatchItemStatus",
  description:
    "`queued`: por emitir; `issuing`: enviándose; `validated`: validada por la DIAN; `pending`: numerada, la DIAN no " +
    "ha respondido (el servicio la termina); `rejected`: rechazada por la DIAN; `refused`: no pasó la validación " +
    "previa (no se envió); `failed`: no se pudo emitir (ver `errors`); `cancelled`: cancelada antes de enviarse.",
});

export const RefusedBatchInvoice = z
  .object({ index: z.int(), reference_code: z.string().nullable(), errors: z.array(ErrorDetail) })
  .meta({ id: "RefusedBatchInvoice" });

export const InvoiceBatchCreated = z
  .object({
    id: z.string(),
    status: z.enum(BATCH_STATUSES),
    total: z.int(),
    accepted: z.int(),
    refused: z.array(RefusedBatchInvoice),
  })
  .meta({ id: "InvoiceBatchCreated" });
export type InvoiceBatchCreated = z.infer<typeof InvoiceBatchCreated>;

export const InvoiceBatchItem = z
  .object({
    index: z.int(),
    reference_code: z.string(),
    status: BatchItemStatus,
    number: z.string().nullable(),
    cufe: z.string().nullable(),
    errors: z.array(ErrorDetail),
    attempts: z.int(),
  })
  .meta({ id: "InvoiceBatchItem" });
export type InvoiceBatchItem = z.infer<typeof InvoiceBatchItem>;

export const InvoiceBatch = z
  .object({
    id: z.string(),
    status: z.enum(BATCH_STATUSES),
    total: z.int(),
    accepted: z.int(),
    counts: z.record(z.string(), z.int()).meta({ description: "Facturas por estado." }),
    estimated_seconds_left: z.int().nullable().meta({
      description: "Al ritmo con que el servicio llama a Factus; null cuando no queda nada por enviar.",
    }),
    created_at: z.string(),
    completed_at: z.string().nullable(),
    items: z.array(InvoiceBatchItem),
    pagination: Pagination,
  })
  .meta({ id: "InvoiceBatch" });
export type InvoiceBatch = z.infer<typeof InvoiceBatch>;

export const InvoiceBatchQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
  status: BatchItemStatus.optional(),
});

// Exports of the ledger: every document the gateway issued or learnt about, with its totals.

export const DocumentExportQuery = z.object({
  created_from: z.iso
    .date()
    .meta({ description: "Desde este día (inclusive), calendario de Colombia, YYYY-MM-DD." }),
  created_to: z.iso.date().meta({ description: "Hasta este día (inclusive), YYYY-MM-DD." }),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  status: z.enum(["validated", "pending", "rejected"]).optional().meta({ description: "El `dian_status`." }),
});
export type DocumentExportQuery = z.infer<typeof DocumentExportQuery>;

export const LedgerDocument = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    number: z.string(),
    reference_code: z.string().nullable(),
    cufe: z
      .string()
      .nullable()
      .meta({ description: "CUFE de una factura, CUDE de una nota, CUDS de un documento soporte." }),
    dian_status: z.enum(["validated", "pending", "rejected"]),
    issue_date: z.string(),
    customer_identification: z.string(),
    customer_name: z.string().nullable(),
    invoice_number: z.string().nullable(),
    subtotal: z.string().nullable().meta({ description: "Decimal exacto con 2 decimales, como texto." }),
    tax_total: z.string().nullable(),
    total: z.string(),
    validated_at: z.string().nullable(),
    deleted_at: z.string().nullable(),
    issued_by: z.string().nullable().meta({
      description:
        "`user:<id>` o `key:<id>`: quién la emitió por el servicio; null si se emitió fuera de él.",
    }),
    batch_id: z.string().nullable(),
  })
  .meta({ id: "LedgerDocument" });
export type LedgerDocument = z.infer<typeof LedgerDocument>;

export const DailyTotals = z
  .object({
    days: z.array(
      z.object({
        date: z.string(),
        invoices: z.int(),
        invoiced: z.string(),
        credit_notes: z.int(),
        credited: z.string(),
        debit_notes: z.int(),
        debited: z.string(),
        net: z
          .string()
          .meta({ description: "Facturado menos notas crédito más notas débito, decimal exacto." }),
      }),
    ),
  })
  .meta({ id: "DailyTotals" });

// The ledger sync: a backfill of the ledger from Factus' own lists, walked in the background.

export const LedgerSyncQuery = z.object({
  from: z.iso.date().meta({ description: "Desde este día (inclusive), calendario de Colombia, YYYY-MM-DD." }),
  to: z.iso.date().meta({ description: "Hasta este día (inclusive), YYYY-MM-DD." }),
});

export const LedgerSync = z
  .object({
    id: z.string(),
    status: z.enum(["queued", "running", "completed", "failed"]),
    from: z.string(),
    to: z.string(),
    kind: z.string().meta({ description: "El tipo de documento que se está recorriendo (o el último)." }),
    pages_read: z.int().meta({ description: "Páginas de Factus leídas (10 documentos cada una)." }),
    found: z.int().meta({ description: "Documentos de Factus en el rango." }),
    added: z
      .int()
      .meta({ description: "Los que el libro no tenía (emitidos fuera del servicio, o perdidos)." }),
    updated: z.int().meta({ description: "Los que el libro tenía con otro estado o total." }),
    error: z.string().nullable().meta({
      description: "Por qué la última página no se pudo leer (se reintenta) o por qué falló.",
    }),
    created_at: z.string(),
    completed_at: z.string().nullable(),
  })
  .meta({ id: "LedgerSync" });
export type LedgerSync = z.infer<typeof LedgerSync>;
