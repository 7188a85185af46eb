import { createRouter } from "../../platform/router";
import { factusLogin, factusLoginRoute } from "./factus-login";
import { factusRefresh, factusRefreshRoute } from "./factus-refresh";
import { login, loginRoute } from "./login";

export const authRouter = createRouter()
  .openapi(loginRoute, login)
  .openapi(factusLoginRoute, factusLogin)
  .openapi(factusRefreshRoute, factusRefresh);
