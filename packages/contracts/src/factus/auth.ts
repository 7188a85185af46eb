import * as z from "zod";

/** `POST /oauth/token` answer. */
export const FactusToken = z.looseObject({
  token_type: z.string(),
  expires_in: z.union([z.number(), z.string()]).transform(Number).pipe(z.number().int().positive()),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
});
export type FactusToken = z.infer<typeof FactusToken>;
