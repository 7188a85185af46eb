import { dianStatusOf, isAlreadyProcessed } from "@factus-edge/contracts/schemas/dian-status";
import type { Context } from "hono";
import { API_BASE } from "../platform/api-base";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import type { DocumentFlow, DocumentRow } from "./kinds/flow";
import { documentRef } from "./mappers";
import { retryPath } from "./verdicts";

/** The blocking documents of a 409, each with its safe recovery; the first one named in `error.document`. */
export async function pendingDocumentError(
  c: Context<AppEnv>,
  // biome-ignore lint/suspicious/noExplicitAny: a flow of any document kind
  flow: DocumentFlow<any, any, any>,
  cause: unknown,
): Promise<ApiError> {
  let pending: DocumentRow[] = [];
  try {
    pending = (await flow.list(c, { status: 0 })).data;
  } catch {
    // The 409 stands on its own; naming the blocker is a courtesy that Factus may not allow right now.
  }
  const message = (row: DocumentRow) => recoveryMessage(flow, row);
  const details = pending.map((row) => ({ path: row.number, message: message(row) }));
  const first = pending[0];
  return new ApiError("FACTUS_PENDING_DOCUMENT", {
    ...(first ? { message: message(first), document: documentRef(first) } : {}),
    details,
    cause,
  });
}

// biome-ignore lint/suspicious/noExplicitAny: a flow of any document kind
function recoveryMessage(flow: DocumentFlow<any, any, any>, row: DocumentRow) {
  const reference = row.reference_code ?? "";
  const name = `documento ${row.number} (${reference})`;
  if (dianStatusOf(row.status, row.errors) === "pending") {
    return `El ${name} espera la respuesta de la DIAN y bloquea el rango: no lo elimine; reenvíelo tal cual con POST ${retryPath(flow, reference)}`;
  }
  if (isAlreadyProcessed(row.errors)) {
    return `El ${name} ya está en la DIAN (regla 90) y bloquea el rango: no lo elimine ni lo reenvíe; concílielo con Factus`;
  }
  return (
    `La DIAN rechazó el ${name}, que bloquea el rango: elimínelo con DELETE ` +
    `${API_BASE}/${flow.resource}/reference/${encodeURIComponent(reference)} o reenvíelo corregido con el mismo reference_code`
  );
}
