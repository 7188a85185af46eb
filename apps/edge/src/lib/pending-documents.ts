import { dianStatusOf, type FactusBillSummary, isAlreadyProcessed } from "@factus-edge/contracts";
import type { Context } from "hono";
import type { AppEnv } from "./context";
import { ApiError } from "./errors";
import { retryPath } from "./invoice-answers";
import { documentRef } from "./invoice-mappers";
import { upstream } from "./upstream";

/** The blocking documents of a 409, each with its safe recovery; the first one named in `error.document`. */
export async function pendingDocumentError(c: Context<AppEnv>, cause: unknown): Promise<ApiError> {
  let pending: FactusBillSummary[] = [];
  try {
    pending = (await c.get("factus").bills.list({ status: 0 }, upstream(c))).data;
  } catch {
    // The 409 stands on its own; naming the blocker is a courtesy that Factus may not allow right now.
  }
  const details = pending.map((row) => ({ path: row.number, message: recoveryMessage(row) }));
  const first = pending[0];
  return new ApiError("FACTUS_PENDING_DOCUMENT", {
    ...(first ? { message: recoveryMessage(first), document: documentRef(first) } : {}),
    details,
    cause,
  });
}

function recoveryMessage(row: {
  number: string;
  reference_code: string | null;
  status: number;
  errors: string[];
}) {
  const reference = row.reference_code ?? "";
  const name = `documento ${row.number} (${reference})`;
  const dianStatus = dianStatusOf(row.status, row.errors);
  if (dianStatus === "pending") {
    return `El ${name} espera la respuesta de la DIAN y bloquea el rango: no lo elimine; reenvíelo tal cual con POST ${retryPath(reference)}`;
  }
  if (isAlreadyProcessed(row.errors)) {
    return `El ${name} ya está en la DIAN (regla 90) y bloquea el rango: no lo elimine ni lo reenvíe; concílielo con Factus`;
  }
  return (
    `La DIAN rechazó el ${name}, que bloquea el rango: elimínelo con DELETE ` +
    `/api/v1/invoices/reference/${encodeURIComponent(reference)} o reenvíelo corregido con el mismo reference_code`
  );
}
