import type * as z from "zod";
import {
  ALLOWANCE_CONCEPTS,
  LEGAL_PERSON_DOCUMENT_IDS,
  NIT_DOCUMENT_ID,
  NUMERIC_IDENTITY_DOCUMENT_IDS,
  TAX_RATES_BY_TRIBUTE,
  WITHHOLDING_TRIBUTE_IDS,
} from "../catalogs/dian";
import { resolveMunicipality } from "../catalogs/municipality-ids";
import { colombiaDateTime } from "../factus/dates";
import { nitCheckDigit } from "../nit";
import type { InvoiceFields } from "./invoice-fields";

// The rules a request can break, checked before it is sent, in two kinds: what Factus refuses with a 422 before
// numbering anything, and what DIAN rejects after Factus has spent a consecutive number (and blocked the range).
// Frontends run the same functions through CreateInvoiceRequest, so a form gets the API's verdict as it is typed.

export interface PreflightIssue {
  path: (string | number)[];
  message: string;
}

/** Reports each issue on the schema being refined, at its path. */
export const addIssues = (ctx: z.RefinementCtx, issues: readonly PreflightIssue[]) => {
  for (const issue of issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
};

/** A DIAN rule a document breaks; `rule` is DIAN's id where the published docs name it (FAK24). */
export interface DianRuleViolation extends PreflightIssue {
  rule?: "FAK24";
}

/**
 * Cloudflare's e-mail obfuscation: what Factus' and the customer's docs pages show in place of the address their
 * examples had. Accepted as is, so that both published examples keep their documented outcome.
 */
const OBFUSCATED_EMAIL = /^\[email\sprotected\]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type RequestFields = Pick<
  InvoiceFields,
  "customer" | "establishment" | "items" | "allowance_charges" | "billing_period" | "related_documents"
> &
  Partial<Pick<InvoiceFields, "document" | "operation_type" | "payment_form" | "payment_due_date">>;

/** Factus' own request rules (Factus answers them with a 422 before numbering anything). */
export function factusRequestIssues(invoice: RequestFields): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  if (invoice.document === "03" && !invoice.related_documents?.length)
    add(["related_documents"], 'Obligatorios para document "03"');
  if (invoice.billing_period && invoice.billing_period.end_date < invoice.billing_period.start_date)
    add(["billing_period", "end_date"], "No puede ser anterior a start_date");
  if (invoice.payment_form === "2" && !invoice.payment_due_date)
    add(["payment_due_date"], 'Obligatoria cuando payment_form es "2" (crédito)');
  for (const [path, id] of [
    [["customer", "municipality_id"], invoice.customer.municipality_id],
    [["establishment", "municipality_id"], invoice.establishment?.municipality_id],
  ] as const) {
    if (id !== undefined && !resolveMunicipality(id).ok) add([...path], `Municipio desconocido: ${id}`);
  }
  const { email } = invoice.customer;
  if (email !== undefined && !OBFUSCATED_EMAIL.test(email) && !EMAIL.test(email))
    add(["customer", "email"], "Debe ser un correo válido: Factus envía la factura a esta dirección");
  invoice.items.forEach((item, index) => {
    if (invoice.operation_type === "11" && item.scheme_id === undefined)
      add(["items", index, "scheme_id"], 'Obligatorio cuando operation_type es "11" (mandatos)');
    if (item.scheme_id === "1" && !item.mandate)
      add(
        ["items", index, "mandate"],
        'Obligatorio cuando scheme_id es "1" (mandato): a nombre de quién se vende',
      );
    if (WITHHOLDING_TRIBUTE_IDS.includes(item.tribute_id)) {
      add(
        ["items", index, "tribute_id"],
        "Es una retención, no un impuesto del ítem: va en withholding_taxes (05 ReteIVA, 06 ReteRenta, 07 ReteICA)",
      );
    }
  });
  invoice.allowance_charges?.forEach((charge, index) => {
    const concept = ALLOWANCE_CONCEPTS.find((entry) => entry.code === charge.concept_type);
    if (concept && !concept.available) {
      add(
        ["allowance_charges", index, "concept_type"],
        `Factus v1 aún no ofrece el concepto ${concept.code} (${concept.name}, disponible próximamente); solo 03, recargo condicionado`,
      );
    } else if (concept && concept.is_surcharge !== charge.is_surcharge) {
      add(
        ["allowance_charges", index, "is_surcharge"],
        `El concepto ${concept.code} es un recargo: is_surcharge true`,
      );
    }
  });
  return issues;
}

/** Today's date in Colombia (YYYY-MM-DD): the issue date of a document created now. */
export const colombiaToday = () => colombiaDateTime(new Date().toISOString())[0];

/**
 * The DIAN rules this project checks before sending, because DIAN only applies them after a consecutive number is
 * spent: the customer's NIT and its check digit, digits-only identifications, a legal person identified by NIT,
 * the due date not before the issue date (`today`, Colombia's date by default), tax rates DIAN accepts, no tax on
 * excluded items, no 100 % line discount.
 */
export function dianRuleViolations(
  invoice: Pick<InvoiceFields, "customer" | "items"> & Partial<Pick<InvoiceFields, "payment_due_date">>,
  today = colombiaToday(),
): DianRuleViolation[] {
  const violations: DianRuleViolation[] = [];
  const add = (path: (string | number)[], message: string, rule?: "FAK24") =>
    violations.push({ path, message, ...(rule ? { rule } : {}) });
  const { customer } = invoice;
  const documentId = customer.identification_document_id;
  if (documentId === NIT_DOCUMENT_ID && /^\d{1,15}$/.test(customer.identification)) {
    const expected = String(nitCheckDigit(customer.identification));
    if (customer.dv !== expected) {
      add(
        ["customer", "dv"],
        customer.dv === undefined
          ? `Obligatorio para NIT: el dígito de verificación de ${customer.identification} es ${expected}`
          : `Dígito de verificación incorrecto para el NIT ${customer.identification}: es ${expected}, no ${customer.dv}`,
        "FAK24",
      );
    }
  } else if (NUMERIC_IDENTITY_DOCUMENT_IDS.includes(documentId) && !/^\d+$/.test(customer.identification)) {
    add(
      ["customer", "identification"],
      documentId === NIT_DOCUMENT_ID
        ? "Un NIT solo lleva dígitos (sin DV ni guion)"
        : "Este tipo de documento solo lleva dígitos",
      documentId === NIT_DOCUMENT_ID ? "FAK24" : undefined,
    );
  }
  if (customer.legal_organization_id === 1 && !LEGAL_PERSON_DOCUMENT_IDS.includes(documentId)) {
    add(
      ["customer", "identification_document_id"],
      "Una persona jurídica (legal_organization_id 1) se identifica con NIT (6) o NIT de otro país (10)",
    );
  }
  if (invoice.payment_due_date && invoice.payment_due_date < today) {
    add(["payment_due_date"], `No puede ser anterior a la fecha de expedición (${today})`);
  }
  invoice.items.forEach((item, index) => {
    const rate = Number(item.tax_rate);
    const allowed = TAX_RATES_BY_TRIBUTE[item.tribute_id];
    // A rate the field's own format refuses (over 100, 3 decimals) already has its error.
    const wellFormed = rate >= 0 && rate <= 100 && Number.isInteger(Math.round(rate * 1e6) / 1e4);
    if (!wellFormed) {
      // nothing more to say about it
    } else if (item.is_excluded === 1 && rate !== 0) {
      add(["items", index, "tax_rate"], "Un ítem excluido (is_excluded 1) no lleva impuesto: tarifa 0");
    } else if (allowed && !allowed.includes(rate)) {
      const tax = item.tribute_id === 1 ? "IVA" : "INC";
      add(
        ["items", index, "tax_rate"],
        `Tarifa de ${tax} no válida: ${rate}; se admiten ${allowed.join(", ")} %`,
      );
    }
    if (Number(item.discount_rate) === 100)
      add(["items", index, "discount_rate"], "Un descuento del 100 % deja la línea en cero: retire el ítem");
  });
  return violations;
}
