import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/platform/config";
import { webhookUrlProblem } from "../../src/webhooks/urls";

// Outside local development a webhook goes only to a public https address (the deployed environments set
// WEBHOOK_ALLOW_PRIVATE_URLS "false": test/node/wrangler-config.test.ts).
describe("webhook URLs, deployed configuration", () => {
  const deployed = readConfig({
    ...env,
    WEBHOOK_ALLOW_PRIVATE_URLS: "false",
  } as never).webhookAllowPrivateUrls;

  it.each([
    "https://169.254.169.254/latest/meta-data",
    "https://10.0.0.1/hook",
    "https://172.16.5.4/hook",
    "https://192.168.1.10/hook",
    "https://127.0.0.1/hook",
    "https://0x7f.1/hook",
    "https://2130706433/hook",
    "https://100.64.0.1/hook",
    "https://[::1]/hook",
    "https://[fd00::1]/hook",
    "https://[fe80::1]/hook",
    "https://[::ffff:10.0.0.1]/hook",
    "https://localhost/hook",
    "https://erp.internal/hook",
    "https://printer.local/hook",
    "https://intranet/hook",
    "http://erp.example.com/hook",
    "https://user:pass@erp.example.com/hook",
    "not a url",
  ])("refuses %s", (url) => {
    expect(deployed).toBe(false);
    expect(webhookUrlProblem(url, deployed)).toBeTypeOf("string");
  });

  it.each(["https://erp.example.com/hooks/factus", "https://8.8.8.8/hook", "https://[2606:4700::1111]/hook"])(
    "accepts %s",
    (url) => expect(webhookUrlProblem(url, deployed)).toBeUndefined(),
  );

  it("local development may use loopback (the emulator's receiver), never by default", () => {
    expect(webhookUrlProblem("http://127.0.0.1:8788/webhook-receiver/x", true)).toBeUndefined();
    expect(
      readConfig({ ...env, WEBHOOK_ALLOW_PRIVATE_URLS: undefined } as never).webhookAllowPrivateUrls,
    ).toBe(false);
  });
});
