import { Hono } from "hono";
import type { AppEnv } from "../../platform/context";
import { SCALAR_ASSET_PATH } from "./docs-asset.generated";

/**
 * What the docs page may load: its own script (the pinned Scalar build, served as a static asset of this Worker)
 * and the OpenAPI document, nothing from another origin. Scalar injects its styles at run time, hence
 * `'unsafe-inline'` for styles only; scripts stay `'self'`.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Scalar reads its configuration from this element (no inline script, so the policy needs no nonce). */
function docsPage(openApiUrl: string) {
  const configuration = JSON.stringify({
    withDefaultFonts: false, // the default fonts come from fonts.scalar.com
    hideClientButton: true, // the hosted client is another origin
    telemetry: false,
  }).replaceAll('"', "&quot;");
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Factus edge API</title>
</head>
<body>
<script id="api-reference" data-url="${openApiUrl}" data-configuration="${configuration}"></script>
<script src="${SCALAR_ASSET_PATH}"></script>
</body>
</html>`;
}

/** `GET /docs`: the interactive reference of the OpenAPI document served beside it. */
export function docsRouter(openApiUrl: string) {
  const page = docsPage(openApiUrl);
  return new Hono<AppEnv>().get("/", (c) => {
    c.header("Content-Security-Policy", DOCS_CONTENT_SECURITY_POLICY);
    // No other page keeps a handle on this window (window.opener): a reader may type tokens here to try the API.
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    c.header("Cache-Control", "no-cache");
    return c.html(page);
  });
}
