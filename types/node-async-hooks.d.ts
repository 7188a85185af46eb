// The one Node.js module the edge uses, which workerd provides under the `nodejs_compat` flag: declared here rather
// than pulling @types/node (and its globals) into a Worker's types.
declare module "node:async_hooks" {
  export class AsyncLocalStorage<T> {
    getStore(): T | undefined;
    run<R>(store: T, callback: () => R): R;
  }
}
