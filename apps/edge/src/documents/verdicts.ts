import { dianStatusOf, isAlreadyProcessed } from "@factus-edge/contracts/schemas/dian-status";
import type { Context } from "hono";
import { API_BASE } from "../platform/api-base";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import type { AnyFlow, DocumentFlow, Expected } from "./kinds/flow";
import { documentRef } from "./mappers";
import { centsOf, money, moneyNumber } from "./money";

// What the API answers about a document Factus holds (docs/ARCHITECTURE.md, "The document lifecycle"): validated, pending at DIAN, rejected (with the number
// it consumed) or already held by DIAN (rule 90); and a conflict when the reference names another document.

/** Why a document is answered from a lookup in Factus rather than from the create's own answer. */
export type Recovery = "lost-answer" | "existing-reference";

export interface Issued<Created> {
  status: 200 | 201 | 202;
  message: string;
  data: Created;
  recovered?: Recovery;
  /** The Factus document answered (for its events: never serialized as such). */
  document: unknown;
}

export const retryPath = (flow: AnyFlow, referenceCode: string) =>
  `${API_BASE}/${flow.resource}/reference/${encodeURIComponent(referenceCode)}/retry`;

/** The error of a document DIAN rejected, naming it (its number is consumed) and what is safe to do. */
export function rejectionError<Document>(
  flow: DocumentFlow<{ reference_code: string }, Document, unknown>,
  document: Document,
  details?: { path: string; message: string }[],
) {
  const record = flow.record(document);
  const ref = documentRef(record, record.key);
  const reasons = details ?? record.errors.map((text) => ({ path: "", message: text }));
  if (isAlreadyProcessed(record.errors))
    return new ApiError("DIAN_DOCUMENT_ALREADY_PROCESSED", { details: reasons, document: ref });
  return new ApiError("DIAN_REJECTED", {
    message:
      `La DIAN rechazó el documento ${record.number}: el número quedó consumido y bloquea el rango. Corríjalo y ` +
      "reenvíelo con el mismo reference_code, o elimínelo por su código de referencia",
    details: reasons,
    document: ref,
  });
}

/** How the issued document's total differs from what the request's prices imply; undefined when it does not. */
export function roundingOf(issuedTotal: string, expected: Expected) {
  const issued = centsOf(issuedTotal);
  const implied = centsOf(expected.implied);
  if (issued === implied) return undefined;
  return {
    expected_total: moneyNumber(implied),
    issued_total: moneyNumber(issued),
    difference: moneyNumber(issued - implied),
    lines: expected.lines.map((line) => ({
      index: line.index,
      expected: money(line.expected),
      issued: money(line.issued),
    })),
  };
}

/**
 * The answer for a document Factus holds, after checking it is this request's (same customer and total): 201
 * validated (200 when it was already there under a re-sent reference), 202 while DIAN has not answered, an error
 * for a rejection.
 */
export function answerFor<Request extends { reference_code: string }, Document, Created>(
  flow: DocumentFlow<Request, Document, Created>,
  document: Document,
  request: Request,
  recovered?: Recovery,
): Issued<Created> {
  const record = flow.record(document);
  const expected = flow.expected(request, record.apiVersion);
  if (
    record.customerIdentification !== expected.customerIdentification ||
    centsOf(record.total) !== centsOf(expected.total)
  ) {
    throw new ApiError("REFERENCE_CODE_IN_USE", {
      message:
        `El código de referencia ${request.reference_code} ya es del documento ${record.number}, con otro ` +
        "cliente o total: use otro código de referencia para un documento distinto",
      document: documentRef(record, record.key),
    });
  }
  const dianStatus = dianStatusOf(record.status, record.errors);
  const tag = recovered ? { recovered, document } : { document };
  const rounding = roundingOf(record.total, expected);
  // The legal document's own totals are what the answer carries; a difference from the caller's prices is told.
  const created = (message: string) => {
    const data = flow.created(document, message);
    return rounding ? { ...data, rounding } : data;
  };
  if (dianStatus === "rejected") throw rejectionError(flow, document);
  if (dianStatus === "pending") {
    return {
      status: 202,
      message: flow.messages.pending,
      data: created(
        `Documento ${record.number} numerado y guardado; la DIAN aún no responde. No lo elimine: reenvíe la misma ` +
          `solicitud (mismo reference_code) o llame a POST ${retryPath(flow, request.reference_code)} para terminarlo`,
      ),
      ...tag,
    };
  }
  const existing = recovered === "existing-reference";
  return {
    status: existing ? 200 : 201,
    message: existing ? flow.messages.existing : flow.messages.created,
    data: created(`Documento ${record.number} validado por la DIAN`),
    ...tag,
  };
}

/** Sends an issued document's answer: status, Location, and a header when it came from a lookup. */
export function respondIssued<Created extends { number: string }>(
  c: Context<AppEnv>,
  flow: AnyFlow,
  issued: Issued<Created>,
) {
  c.header("Location", `${API_BASE}/${flow.resource}/${encodeURIComponent(issued.data.number)}`);
  if (issued.recovered) c.header("X-Document-Recovered", issued.recovered);
  return c.json({ message: issued.message, data: issued.data }, issued.status);
}
