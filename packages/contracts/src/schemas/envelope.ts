import * as z from "zod";

/** The success envelope: `{ message, data }`, exactly as the customer's API docs show it. */
export const successEnvelope = <T extends z.ZodType>(data: T, message: string) =>
  z.object({
    message: z.string().meta({ examples: [message] }),
    data,
  });

export const Pagination = z
  .object({
    page: z.int().min(1),
    per_page: z.int().min(1),
    total: z.int().min(0),
    last_page: z.int().min(1),
  })
  .meta({ id: "Pagination" });
export type Pagination = z.infer<typeof Pagination>;
