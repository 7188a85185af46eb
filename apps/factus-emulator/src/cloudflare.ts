import type { Context } from "hono";

// The Factus hosts sit behind Cloudflare, whose browser-integrity check refuses a request without a User-Agent
// before Factus sees it (practitioners, 2026-10-05: "Sin User-Agent → 403", "Con User-Agent → 200"). What comes back
// is Cloudflare's own HTML error page 1010, not Factus JSON. A Worker's `fetch` sends no User-Agent by default.

/** A Cloudflare Ray ID: 16 hex digits and the data center (Bogotá). */
const rayId = () => `${crypto.getRandomValues(new Uint8Array(8)).toHex()}-BOG`;

/** Cloudflare's "Error 1010: Access denied" page, trimmed of its styles and scripts. */
function accessDeniedPage(host: string, ray: string) {
  return `<!DOCTYPE html>
<html class="no-js" lang="en-US">
<head>
<title>Access denied | ${host} used Cloudflare to restrict access</title>
<meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="robots" content="noindex, nofollow" />
<meta name="viewport" content="width=device-width,initial-scale=1" />
</head>
<body>
  <div id="cf-wrapper">
    <div id="cf-error-details" class="p-0">
      <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
        <h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
          <span class="inline-block">Access denied</span>
          <span class="code-label">Error code 1010</span>
        </h1>
      </header>
      <section class="w-240 lg:w-full mx-auto mb-8 lg:px-8">
        <div id="what-happened-section" class="w-1/2 md:w-full">
          <h2 class="text-3xl leading-tight font-normal mb-4 text-black-dark antialiased">What happened?</h2>
          <p>The owner of this website (${host}) has banned your access based on your browser's signature (${ray}).</p>
        </div>
      </section>
      <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
        <p class="text-13">
          <span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">${ray}</strong></span>
          <span class="cf-footer-separator sm:hidden">&bull;</span>
          <span class="cf-footer-item sm:block sm:mb-1">Performance &amp; security by Cloudflare</span>
        </p>
      </div>
    </div>
  </div>
</body>
</html>
`;
}

/** 403 with Cloudflare's 1010 page when the request has no User-Agent (or an empty one); undefined otherwise. */
export function refuseWithoutUserAgent(c: Context): Response | undefined {
  if (c.req.header("user-agent")?.trim()) return undefined;
  const ray = rayId();
  return new Response(accessDeniedPage(new URL(c.req.url).host, ray), {
    status: 403,
    headers: {
      "content-type": "text/html; charset=UTF-8",
      server: "cloudflare",
      "cf-ray": ray,
      "cache-control": "private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0",
      "x-frame-options": "SAMEORIGIN",
    },
  });
}
