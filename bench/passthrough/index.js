// The least a gateway can do: forward the path and the bearer token to Factus and return its answer.
export default {
  fetch(request, env) {
    const url = new URL(request.url);
    return fetch(`${env.UPSTREAM}${url.pathname}${url.search}`, {
      headers: { authorization: request.headers.get("authorization") ?? "", accept: "application/json" },
    });
  },
};
