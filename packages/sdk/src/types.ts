// Type helpers over the generated `operations`: what a call takes and what it answers, per operation.

type Defined<T> = Exclude<T, undefined>;
/** `{ key: T }`, `{ key?: T }` when every member of T is optional, nothing when the operation has no such part. */
type Part<K extends string, T> = [Defined<T>] extends [never]
  ? unknown
  : // biome-ignore lint/complexity/noBannedTypes: `{}` is what "every member optional" is compared against.
    {} extends Defined<T>
    ? { [P in K]?: Defined<T> }
    : { [P in K]: Defined<T> };

interface OperationShape {
  parameters: { path?: unknown; query?: unknown };
  requestBody?: unknown;
  responses: unknown;
}

type JsonBody<Op> = Op extends { requestBody?: { content: { "application/json": infer Body } } }
  ? Body
  : never;

/** A call's parameters: `path`, `query` and `body` where the operation has them (headers are the client's job). */
export type Params<Op extends OperationShape> = Part<"path", Op["parameters"]["path"]> &
  Part<"query", Op["parameters"]["query"]> &
  Part<"body", JsonBody<Op>>;

type SuccessStatus = 200 | 201 | 202;
/** Distributes over the success responses an operation has (201 and 202 for a create, 200 for most). */
type EnvelopeData<Response> = Response extends { content: { "application/json": { data: infer D } } }
  ? D
  : never;

/** The `data` of the operation's success envelope(s), unwrapped. */
export type Data<Op> = Op extends { responses: infer Responses }
  ? EnvelopeData<Responses[Extract<keyof Responses, SuccessStatus>]>
  : never;
