import type { RouteConfig, z } from '@hono/zod-openapi';
import { ErrorSchema } from './schemas/common.ts';

// A typed client derived from the contract's route declarations: the path, method, parameters,
// body and the answer's type all come from the route, so a client cannot send a field the
// service does not know or read one it does not send. `fetch` is injected: in one process it is
// the app's own `app.fetch`, apart it is the global fetch. One code path.

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

type Schema = z.ZodType;
type RequestOf<R> = R extends { request: infer Q } ? Q : {};
type ParamsOf<R> = RequestOf<R> extends { params: infer P extends Schema } ? { params: z.input<P> } : { params?: undefined };
type QueryOf<R> = RequestOf<R> extends { query: infer P extends Schema } ? { query?: z.input<P> } : { query?: undefined };
type BodyOf<R> = RequestOf<R> extends { body: { content: { 'application/json': { schema: infer S extends Schema } } } } ? { json: z.input<S> } : { json?: undefined };

/** What a call of route R sends: its path parameters, query and JSON body as the contract declares them. */
export type CallInput<R> = ParamsOf<R> & QueryOf<R> & BodyOf<R>;

type Success = 200 | 201 | 202 | 204;
type JsonOf<T> = T extends { content: { 'application/json': { schema: infer S extends Schema } } } ? z.output<S> : undefined;
/** What a successful call of route R returns (undefined for 204). */
export type CallOutput<R extends RouteConfig> = { [K in keyof R['responses'] & Success]: JsonOf<R['responses'][K]> }[keyof R['responses'] & Success];

export type CallOptions = { token?: string; signal?: AbortSignal };

/** A refusal by the service: its HTTP status and the contract's error code and German message. */
export class LotseError extends Error {
  readonly httpStatus: number;
  readonly code: string;
  constructor(httpStatus: number, code: string, message: string) {
    super(message);
    this.name = 'LotseError';
    this.httpStatus = httpStatus;
    this.code = code;
  }
}

export type ClientOptions = {
  baseUrl: string;
  fetch?: FetchLike;
  /** Used when a call names no token of its own (the staff token for the Matrix bot). */
  token?: string;
  /**
   * Parse every answer with the route's response schema and fail on a mismatch (tests): the
   * service then cannot send what the contract does not describe without a test noticing.
   */
  validateResponses?: boolean;
};

export type Client = {
  call<R extends RouteConfig>(route: R, input: CallInput<R>, options?: CallOptions): Promise<CallOutput<R>>;
};

/** `/api/staff/cases/{id}` with `{id: 'KS 1'}` → `/api/staff/cases/KS%201`. */
export function pathOf(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new TypeError(`path parameter ${name} missing for ${template}`);
    return encodeURIComponent(String(params[name]));
  });
}

function queryOf(query: Record<string, unknown> | undefined): string {
  const entries = Object.entries(query ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]);
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
}

function successSchema(route: RouteConfig, status: number): Schema | undefined {
  const response = (route.responses as Record<number, { content?: Record<string, { schema?: unknown }> }>)[status];
  return response?.content?.['application/json']?.schema as Schema | undefined;
}

export function createClient(options: ClientOptions): Client {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    async call(route, input, callOptions = {}) {
      const { params, query, json } = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; json?: unknown };
      const token = callOptions.token ?? options.token;
      const pending = fetchFn(baseUrl + pathOf(route.path, params) + queryOf(query), {
        method: route.method.toUpperCase(),
        signal: callOptions.signal,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
        body: json === undefined ? undefined : JSON.stringify(json),
      });
      // In one process app.fetch ignores the signal; racing it keeps a long poll stoppable.
      const res = callOptions.signal ? await abortable(pending, callOptions.signal) : await pending;
      if (options.validateResponses && !(res.status in route.responses)) {
        throw new TypeError(`${route.method.toUpperCase()} ${route.path} answered ${res.status}, which the contract does not declare`);
      }
      if (res.status === 204) return undefined as CallOutput<typeof route>;
      const text = await res.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      if (!res.ok) {
        const error = ErrorSchema.safeParse(body);
        throw error.success
          ? new LotseError(res.status, error.data.error.code, error.data.error.message)
          : new LotseError(res.status, 'http_error', `${res.status} ${text.slice(0, 200)}`);
      }
      const schema = options.validateResponses ? successSchema(route, res.status) : undefined;
      if (schema) {
        const checked = schema.safeParse(body);
        if (!checked.success) {
          const issue = checked.error.issues[0];
          throw new TypeError(`${route.method.toUpperCase()} ${route.path} → ${res.status} does not match the contract at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
        }
      }
      return body as CallOutput<typeof route>;
    },
  };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
