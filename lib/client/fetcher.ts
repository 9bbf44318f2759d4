import type { z } from "zod";
import { requestReauth } from "@/lib/client/reauth";
import { describeIssue, describeIssues, errorBodySchema, type ErrorId, type ErrorIssue } from "@/lib/schemas/error";

/** The one error type React Query sees: the API's envelope (B3), or a synthetic one for network failures. */
export class ApiClientError extends Error {
  readonly id: ErrorId;
  readonly code: number;
  readonly reason: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfter: number | null;

  constructor(init: {
    id: ApiClientError["id"];
    code: number;
    message: string;
    reason?: string;
    details?: Record<string, unknown>;
    retryAfter?: number | null;
  }) {
    super(init.message);
    this.name = "ApiClientError";
    this.id = init.id;
    this.code = init.code;
    this.reason = init.reason;
    this.details = init.details;
    this.retryAfter = init.retryAfter ?? null;
  }

  /** Field-level issues from a validation_failed answer. */
  get issues(): ErrorIssue[] {
    const issues = this.details?.issues;
    return Array.isArray(issues) ? (issues as ErrorIssue[]) : [];
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions<T> {
  schema?: z.ZodType<T>;
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, opts: RequestOptions<T> = {}): Promise<T> {
  try {
    return await send(method, path, opts);
  } catch (err) {
    // A sensitive action on an old sign-in: ask for the password, then try exactly once more.
    if (err instanceof ApiClientError && err.id === "reauth_required" && (await requestReauth(err.message)))
      return send(method, path, opts);
    throw err;
  }
}

async function send<T>(method: string, path: string, opts: RequestOptions<T>): Promise<T> {
  const init: RequestInit = {
    method,
    signal: opts.signal,
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  };
  // Mutations always send JSON (the server answers 415 otherwise), except DELETE which has no body.
  if (method !== "GET" && method !== "DELETE") {
    init.headers = { ...init.headers, "Content-Type": "application/json" };
    init.body = JSON.stringify(opts.body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    // The browser never reached Truss: the same id as an unreachable Kratos, with code 0 (no HTTP answer).
    throw new ApiClientError({
      id: "upstream_unavailable",
      code: 0,
      message: "Could not reach the server. Check your connection.",
    });
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(data);
    const retry = Number(res.headers.get("Retry-After"));
    const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
    if (parsed.success) {
      const { id, code, message, reason, details } = parsed.data.error;
      throw new ApiClientError({ id, code, message, reason, details, retryAfter });
    }
    throw new ApiClientError({
      id: res.status === 404 ? "not_found" : "internal",
      code: res.status,
      message: res.status === 404 ? "Not found." : `The server answered ${res.status}.`,
      retryAfter,
    });
  }
  if (!opts.schema) return data as T;
  const parsed = opts.schema.safeParse(data);
  if (!parsed.success)
    throw new ApiClientError({
      id: "upstream_invalid",
      code: res.status,
      message: "The server sent an unexpected response.",
    });
  return parsed.data;
}

/** The browser data layer's only way to call the API (components never fetch directly). */
export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions<T>, "body">) => request<T>("GET", path, opts),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions<T>, "body">) =>
    request<T>("POST", path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions<T>, "body">) =>
    request<T>("PATCH", path, { ...opts, body }),
  del: <T = void>(path: string, opts?: Omit<RequestOptions<T>, "body">) => request<T>("DELETE", path, opts),
};

/** What to tell a person: a validation failure as sentences about its fields, else the server's message. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiClientError) return describeIssues(err.issues, err.message);
  return err instanceof Error ? err.message : "Something went wrong.";
}

/** Field errors by field name (the last part of each issue's path), for messages beside their inputs. */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiClientError)) return out;
  for (const issue of err.issues) {
    const field = issue.path
      .split(".")
      .filter((p) => p !== "body")
      .join(".");
    out[field] ??= describeIssue(issue);
  }
  return out;
}
