import * as z from "zod";

/**
 * Where a document stands with DIAN (SPEC §5): `validated` (status 1; `errors` may still hold notifications),
 * `pending` (numbered and stored, DIAN has not answered: never delete it, re-send it as is) or `rejected` (status 0
 * with "Rechazo" entries: the number is consumed and the document blocks its range until deleted or fixed).
 */
export const DianStatus = z.enum(["validated", "pending", "rejected"]).meta({
  id: "DianStatus",
  description:
    "validated: validado por la DIAN. pending: numerado y guardado, la DIAN aún no responde (no lo elimine: " +
    "reenvíelo tal cual). rejected: rechazado por la DIAN (el número quedó consumido y bloquea el rango).",
});
export type DianStatus = z.infer<typeof DianStatus>;

const REJECTION = /Rechazo/i;
const RULE_90 = /Regla:\s*90\b|procesado anteriormente/i;

/** The DIAN status of a Factus document from its `status` flag and its `errors` texts. */
export function dianStatusOf(status: number, errors: readonly string[]): DianStatus {
  if (status === 1) return "validated";
  return errors.some((text) => REJECTION.test(text)) ? "rejected" : "pending";
}

/** Whether DIAN answered rule 90, "Documento procesado anteriormente": it already holds this document. */
export const isAlreadyProcessed = (errors: readonly string[]) => errors.some((text) => RULE_90.test(text));

/**
 * What is safe to do with a document that is not validated: `retry` (DIAN slow: re-send it as is, never delete it),
 * `delete_fix_resend` (rejected: delete it by reference, or re-send it fixed with the same reference), `reconcile`
 * (rule 90: DIAN already has it; neither delete nor re-send), `none` (validated: correct it with a credit note).
 */
export const DocumentRecovery = z
  .enum(["retry", "delete_fix_resend", "reconcile", "none"])
  .meta({ id: "DocumentRecovery" });
export type DocumentRecovery = z.infer<typeof DocumentRecovery>;

export function recoveryOf(status: number, errors: readonly string[]): DocumentRecovery {
  const dian = dianStatusOf(status, errors);
  if (dian === "validated") return "none";
  if (dian === "pending") return "retry";
  return isAlreadyProcessed(errors) ? "reconcile" : "delete_fix_resend";
}

/** A Factus document named by an answer: the one an error is about, or the one blocking a range. */
export const DocumentRef = z
  .object({
    number: z
      .string()
      .nullable()
      .meta({ description: "Número consecutivo consumido (null si no se pudo saber)." }),
    reference_code: z.string().nullable(),
    dian_status: DianStatus,
    recovery: DocumentRecovery,
    cufe: z.string().nullable().optional(),
  })
  .meta({
    id: "DocumentRef",
    description: "El documento de Factus al que se refiere el error, con lo que es seguro hacer con él.",
  });
export type DocumentRef = z.infer<typeof DocumentRef>;
