// Creates a local user: pnpm --filter edge user:add --email ana@empresa.co --name "Ana" [--remote]
// The password comes from --password or, to keep it out of shell history, the USER_PASSWORD variable.
import { parseArgs } from "node:util";
import { addUser } from "./d1.mjs";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    remote: { type: "boolean", default: false },
    env: { type: "string" },
  },
});
const password = values.password ?? process.env.USER_PASSWORD;
if (!values.email || !password) {
  console.error(
    "usage: pnpm --filter edge user:add --email <email> [--name <name>] [--password <pw> | USER_PASSWORD=…] [--remote]",
  );
  process.exit(2);
}
try {
  await addUser({
    email: values.email,
    password,
    name: values.name ?? values.email,
    remote: values.remote,
    env: values.env,
  });
  console.log(`user ${values.email} created in the ${values.remote ? "remote" : "local"} D1 database`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
