import { createRouter } from "../../platform/router";
import { getCompany, getCompanyRoute } from "./get";
import { getSubscription, getSubscriptionRoute } from "./subscription";

export const companyRouter = createRouter()
  .openapi(getCompanyRoute, getCompany)
  .openapi(getSubscriptionRoute, getSubscription);
