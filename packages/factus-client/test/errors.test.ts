import { describe, expect, it } from "vitest";
import {
  FactusApiError,
  FactusAuthenticationError,
  FactusClient,
  FactusConflictError,
  FactusInvalidResponseError,
  FactusNotFoundError,
  FactusRateLimitError,
  FactusServerError,
  FactusSubscriptionError,
  FactusValidationError,
  FactusVersionMismatchError,
} from "../src";
import { fakeFetch, jsonResponse, v2Example } from "./fake-fetch";

const failWith = async (response: () => Response) => {
  const { fetch } = fakeFetch(response);
  const client = new FactusClient({ accessToken: "t", fetch, maxRetries: 0 });
  return client.bills.get("N1", { requestId: "req-9" }).catch((error) => error);
};

describe("errors are typed by status and carry status, body and request id", () => {
  it.each([
    [401, { message: "Unauthenticated." }, FactusAuthenticationError],
    [404, { message: "No encontrado" }, FactusNotFoundError],
    [400, { message: "Bad" }, FactusApiError],
    [402, { message: "No tiene documentos disponibles" }, FactusSubscriptionError],
    [403, { message: "Forbidden" }, FactusApiError],
    [500, { message: "Server Error" }, FactusServerError],
    [503, "<html>down</html>", FactusServerError],
  ])("%i → %o", async (status, body, type) => {
    const error = await failWith(() =>
      typeof body === "string" ? new Response(body, { status }) : jsonResponse(body, status),
    );
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, requestId: "req-9" });
    expect(error.body).toEqual(body);
  });

  it("422 rule 90 (a numeric DIAN rule) is a rejection that says DIAN already has the document", async () => {
    const error = await failWith(() =>
      jsonResponse(
        {
          status: "Validation error",
          message: "Documento SETP990000001 rechazado por la DIAN",
          data: { errors: { "90": "Regla: 90, Rechazo: Documento procesado anteriormente." } },
        },
        422,
      ),
    );
    expect(error).toBeInstanceOf(FactusValidationError);
    expect(error.ruleErrors).toEqual([
      { rule: "90", message: "Regla: 90, Rechazo: Documento procesado anteriormente." },
    ]);
    expect(error.isDianRejection).toBe(true);
    expect(error.isAlreadyProcessed).toBe(true);
  });

  it("422 keyed by index without DIAN's wording stays a plain message, not a rule", async () => {
    const error = await failWith(() =>
      jsonResponse({ message: "Error", data: { errors: { "0": "El campo items es obligatorio" } } }, 422),
    );
    expect(error.isDianRejection).toBe(false);
    expect(error.fieldErrors).toEqual([{ field: "0", messages: ["El campo items es obligatorio"] }]);
  });

  it("403 naming the API version is FactusVersionMismatchError, with the version the account uses", async () => {
    const error = await failWith(() =>
      jsonResponse({ message: "Version de API no disponible para esta empresa" }, 403),
    );
    expect(error).toBeInstanceOf(FactusVersionMismatchError);
    expect(error).toBeInstanceOf(FactusApiError);
    expect(error).toMatchObject({ status: 403, attemptedVersion: "v1", accountVersion: "v2" });
  });

  it("409 pending document is recognised", async () => {
    const error = await failWith(() =>
      jsonResponse(
        { status: "Conflict", message: "Se encontró una factura pendiente por enviar a la DIAN" },
        409,
      ),
    );
    expect(error).toBeInstanceOf(FactusConflictError);
    expect(error.pendingDocument).toBe(true);
  });

  it("422 with field → messages under data.errors", async () => {
    const error = await failWith(() =>
      jsonResponse(
        {
          status: "Validation error",
          message: "Error de validación",
          data: {
            errors: { "customer.identification": ["El campo es obligatorio."], reference_code: "Ya existe" },
          },
        },
        422,
      ),
    );
    expect(error).toBeInstanceOf(FactusValidationError);
    expect(error.fieldErrors).toEqual([
      { field: "customer.identification", messages: ["El campo es obligatorio."] },
      { field: "reference_code", messages: ["Ya existe"] },
    ]);
    expect(error.isDianRejection).toBe(false);
  });

  it("422 with rule-keyed DIAN errors", async () => {
    const error = await failWith(() =>
      jsonResponse(
        {
          status: "Validation error",
          message: "Rechazado",
          data: { errors: { FAK24: "Regla: FAK24, Rechazo: DV" } },
        },
        422,
      ),
    );
    expect(error.ruleErrors).toEqual([{ rule: "FAK24", message: "Regla: FAK24, Rechazo: DV" }]);
    expect(error.isDianRejection).toBe(true);
  });

  it("422 with a list of rule strings at the root", async () => {
    const error = await failWith(() =>
      jsonResponse(
        {
          message: "Documento rechazado",
          errors: [
            "Regla: FAJ43b, Rechazo: Nombre no corresponde",
            "Regla: CAK55, Notificación: Correo no informado",
          ],
        },
        422,
      ),
    );
    expect(error.ruleErrors.map((rule: { rule: string }) => rule.rule)).toEqual(["FAJ43b", "CAK55"]);
  });

  it("422 with only a message", async () => {
    const error = await failWith(() => jsonResponse({ message: "El rango no existe" }, 422));
    expect(error.fieldErrors).toEqual([{ field: "", messages: ["El rango no existe"] }]);
  });

  it("429 keeps Retry-After in seconds", async () => {
    const error = await failWith(() =>
      jsonResponse({ message: "Too Many Attempts." }, 429, { "retry-after": "17" }),
    );
    expect(error).toBeInstanceOf(FactusRateLimitError);
    expect(error.retryAfter).toBe(17);
  });

  it("a 2xx body that is not JSON, or not Factus' shape, is an invalid response", async () => {
    const notJson = await failWith(() => new Response('{"status":"OK",', { status: 200 }));
    expect(notJson).toBeInstanceOf(FactusInvalidResponseError);
    const wrongShape = await failWith(() => jsonResponse({ status: "OK", message: "x", data: { nope: 1 } }));
    expect(wrongShape).toBeInstanceOf(FactusInvalidResponseError);
  });
});

describe("Factus v2 error bodies map to the same classes", () => {
  const v2Failure = async (status: number, body: unknown) => {
    const { fetch } = fakeFetch(() => jsonResponse(body, status));
    const client = new FactusClient({ accessToken: "t", fetch, maxRetries: 0, apiVersion: "v2" });
    return client.bills.createV2(v2Example("facturas__crear-y-validar.1")).catch((error) => error);
  };

  it("422 Laravel-style, under data.errors or at the root: field errors, as in v1", async () => {
    const nested = await v2Failure(422, {
      message: "The given data was invalid.",
      data: {
        errors: {
          "payment_details.0.amount": ["Esperado: 83,300.00 - Enviado: 83,000.00"],
          "customer.municipality_code": ["El municipio no existe", "Revise el código DANE"],
        },
      },
    });
    expect(nested).toBeInstanceOf(FactusValidationError);
    expect(nested.isDianRejection).toBe(false);
    expect(nested.fieldErrors).toEqual([
      { field: "payment_details.0.amount", messages: ["Esperado: 83,300.00 - Enviado: 83,000.00"] },
      { field: "customer.municipality_code", messages: ["El municipio no existe", "Revise el código DANE"] },
    ]);
    const root = await v2Failure(422, {
      message: "The given data was invalid.",
      errors: { reference_code: ["El código de referencia ya existe"] },
    });
    expect(root.fieldErrors).toEqual([
      { field: "reference_code", messages: ["El código de referencia ya existe"] },
    ]);
  });

  it("422 DIAN rejection, rules keyed or listed: rule errors", async () => {
    const keyed = await v2Failure(422, {
      status: "Validation error",
      message: "El documento contiene errores de validación",
      data: {
        message: "Documento con errores",
        errors: { FAK24: "Regla: FAK24, Rechazo: DV no corresponde" },
      },
    });
    expect(keyed.ruleErrors).toEqual([
      { rule: "FAK24", message: "Regla: FAK24, Rechazo: DV no corresponde" },
    ]);
    const listed = await v2Failure(422, {
      status: "Validation error",
      message: "El documento contiene errores de validación",
      data: { errors: ["Regla: FAJ43b, Rechazo: Nombre no corresponde"] },
    });
    expect(listed.isDianRejection).toBe(true);
    expect(listed.ruleErrors[0].rule).toBe("FAJ43b");
  });

  it("401, 402, 409, 429 and 503 keep their classes on v2", async () => {
    expect(await v2Failure(401, { message: "Unauthenticated." })).toBeInstanceOf(FactusAuthenticationError);
    expect(await v2Failure(402, "")).toBeInstanceOf(FactusSubscriptionError);
    const pending = await v2Failure(409, {
      message: "Se encontró una factura pendiente por enviar a la DIAN",
    });
    expect(pending.pendingDocument).toBe(true);
    expect(await v2Failure(429, { message: "Too Many Requests" })).toBeInstanceOf(FactusRateLimitError);
    expect(await v2Failure(503, "")).toBeInstanceOf(FactusServerError);
  });
});
