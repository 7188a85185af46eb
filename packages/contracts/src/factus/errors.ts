import * as z from "zod";

/** Body of a Factus 401: `{"message":"Unauthenticated."}`. */
export const FactusUnauthenticatedBody = z.looseObject({ message: z.string() });

/** Body of a Factus 409 (pending document) and most other non-422 errors. */
export const FactusConflictBody = z.looseObject({ status: z.string().optional(), message: z.string() });

/**
 * Body of a Factus 422. `errors` may sit under `data` or at the root, and be field → messages,
 * rule → text, or a plain list of strings.
 */
export const FactusValidationBody = z.looseObject({
  status: z.string().optional(),
  message: z.string().optional(),
  data: z.looseObject({ errors: z.unknown().optional() }).nullable().optional(),
  errors: z.unknown().optional(),
});
export type FactusValidationBody = z.infer<typeof FactusValidationBody>;
