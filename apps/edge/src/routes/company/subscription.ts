import { Subscription } from "@factus-edge/contracts/schemas/company";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import { callFactus } from "../../factus/call";
import { subscriptionOf } from "../../factus/subscription";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Suscripción obtenida exitosamente";

export const getSubscriptionRoute = defineRoute("factus", {
  method: "get",
  path: "/subscription",
  operationId: "getSubscription",
  tags: ["Empresa"],
  summary: "Documentos restantes de la suscripción",
  description:
    "Documentos que incluye la suscripción de Factus, usados y restantes, y su vencimiento. Sin documentos " +
    "restantes Factus responde 402 (FACTUS_SUBSCRIPTION_EXHAUSTED) a toda creación.",
  responses: { 200: jsonResponse(successEnvelope(Subscription, MESSAGE), "La suscripción") },
});

export const getSubscription: RouteHandler<typeof getSubscriptionRoute, AppEnv> = async (c) =>
  c.json({ message: MESSAGE, data: await callFactus(() => subscriptionOf(c)) }, 200);
