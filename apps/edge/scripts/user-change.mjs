// Changes a local user; each change also revokes the tokens it was issued so far.
//   pnpm --filter edge user:disable --email ana@empresa.co [--remote]
//   pnpm --filter edge user:enable --email ana@empresa.co [--remote]
//   USER_PASSWORD='a new long password' pnpm --filter edge user:password --email ana@empresa.co [--remote]
//   pnpm --filter edge user:revoke --email ana@empresa.co [--remote]   (only revokes the tokens)
import { parseArgs } from "node:util";
import { changeUser } from "./d1.mjs";

const [action, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    email: { type: "string" },
    password: { type: "string" },
    remote: { type: "boolean", default: false },
    env: { type: "string" },
  },
});
const password = values.password ?? process.env.USER_PASSWORD;
const changes = {
  disable: { disabled: true },
  enable: { disabled: false },
  password: { password },
  revoke: {},
}[action ?? ""];
if (!changes || !values.email || (action === "password" && !password)) {
  console.error(
    "usage: user-change.mjs <disable|enable|password|revoke> --email <email> [--password <pw> | USER_PASSWORD=…] [--remote]",
  );
  process.exit(2);
}
try {
  await changeUser({ email: values.email, remote: values.remote, env: values.env, ...changes });
  console.log(
    `user ${values.email}: ${action} done; tokens issued so far are refused (in every isolate within 30 s)`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
