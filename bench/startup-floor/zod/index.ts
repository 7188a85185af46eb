import * as z from "zod";

const schema = z.object({ name: z.string() });
export default { fetch: () => new Response(String(schema.safeParse({ name: "ok" }).success)) };
