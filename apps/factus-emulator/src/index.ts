import { accountOfRequest } from "./account-routing";
import { DROP_MARKER, droppedResponse } from "./faults";

export { FactusAccount } from "./account-object";
export { WebhookInbox } from "./webhook-receiver";

const RECEIVER = /^\/webhook-receiver\/([\w-]{1,64})(\/behaviour)?$/;

/**
 * Every request goes to its account's object: the seeded account, or (with EMULATOR_OPEN_ACCOUNTS, for tests) any
 * other username with the seeded password, each an isolated company with its own ranges and bills.
 */
export default {
  async fetch(request, env) {
    const inbox = RECEIVER.exec(new URL(request.url).pathname)?.[1];
    if (inbox) return env.WEBHOOK_INBOX.getByName(inbox).fetch(request);
    const account = await accountOfRequest(request, env.EMULATOR_USERNAME.toLowerCase());
    const response = await env.FACTUS.getByName(account).fetch(request);
    return response.headers.has(DROP_MARKER) ? droppedResponse() : response;
  },
} satisfies ExportedHandler<Cloudflare.Env>;
