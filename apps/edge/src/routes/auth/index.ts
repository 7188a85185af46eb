import { createRouter } from "../../lib/router";
import { factusLogin, factusLoginRoute, factusRefresh, factusRefreshRoute } from "./factus";
import { login, loginRoute } from "./login";

export const authRouter = createRouter()
  .openapi(loginRoute, login)
  .openapi(factusLoginRoute, factusLogin)
  .openapi(factusRefreshRoute, factusRefresh);
