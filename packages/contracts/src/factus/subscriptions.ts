import * as z from "zod";
import { factusEnvelope } from "./common";

/** `GET /v1/subscriptions/current`: the documents of the account's current plan. */
export const FactusCurrentSubscription = z.looseObject({
  total_documents: z.number(),
  documents_used: z.number(),
  documents_remaining: z.number(),
  subscription_days_to_expires: z.number(),
  subscription_start_date: z.string(),
  subscription_expiration_date: z.string(),
  subscription_is_expired: z.boolean(),
});
export type FactusCurrentSubscription = z.infer<typeof FactusCurrentSubscription>;
export const FactusCurrentSubscriptionResponse = factusEnvelope(FactusCurrentSubscription);

/** A row of `GET /v1/subscriptions`: one plan (invoicing, payroll…). */
export const FactusSubscriptionPlan = z.looseObject({
  name: z.string(),
  supported_document_types: z.array(z.string()),
  documents_quota: z.number(),
  documents_consumed: z.number(),
  documents_available: z.union([z.number(), z.string()]),
  days_until_expiration: z.number(),
  expires_at: z.string(),
  has_expired: z.boolean(),
  is_active: z.boolean(),
  has_unlimited_quota: z.boolean(),
});
export const FactusSubscriptionPlans = factusEnvelope(z.array(FactusSubscriptionPlan));
