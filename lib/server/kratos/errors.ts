import "server-only";
import { ApiError } from "@/lib/server/http/errors";

interface AxiosLikeError {
  isAxiosError: true;
  code?: string;
  response?: { status: number; data?: unknown; headers?: Record<string, unknown> };
}

function isAxiosLike(err: unknown): err is AxiosLikeError {
  return typeof err === "object" && err !== null && (err as { isAxiosError?: unknown }).isAxiosError === true;
}

/** Kratos's herodot envelope, as far as we read it. */
export function kratosErrorOf(data: unknown): { id?: string; message?: string; reason?: string } {
  const e = (data as { error?: unknown } | undefined)?.error;
  if (typeof e !== "object" || e === null) return {};
  const { id, message, reason } = e as Record<string, unknown>;
  return {
    id: typeof id === "string" ? id : undefined,
    message: typeof message === "string" ? message : undefined,
    reason: typeof reason === "string" ? reason : undefined,
  };
}

export function kratosStatus(err: unknown): number | undefined {
  return isAxiosLike(err) ? err.response?.status : undefined;
}

export function kratosBody(err: unknown): unknown {
  return isAxiosLike(err) ? err.response?.data : undefined;
}

/**
 * Maps a failed SDK call to our envelope. Kratos's own bodies, URLs and ports never reach the caller,
 * except a 400/409 reason which explains the user's own input.
 */
export function toApiError(err: unknown, notFound = "The resource was not found."): ApiError {
  if (err instanceof ApiError) return err;
  if (!isAxiosLike(err)) return new ApiError("internal", "An internal error occurred.");
  const status = err.response?.status;
  if (status === undefined) {
    if (err.code === "ECONNABORTED" || err.code === "ETIMEDOUT")
      return new ApiError("upstream_timeout", "Kratos did not answer in time.");
    return new ApiError("upstream_unavailable", "Kratos is unavailable. Try again shortly.", {
      headers: { "Retry-After": "5" },
    });
  }
  const k = kratosErrorOf(err.response?.data);
  if (status === 404) return new ApiError("not_found", notFound);
  if (status === 409) return new ApiError("conflict", "An identity with this email (or external id) already exists.");
  if (status === 400)
    return new ApiError("invalid_request", "Kratos rejected the request.", { reason: k.reason ?? k.message });
  if (status === 429)
    return new ApiError("upstream_unavailable", "Kratos is throttling requests. Try again shortly.", {
      headers: { "Retry-After": "5" },
    });
  if (status === 401 || status === 403)
    return new ApiError(
      "upstream_error",
      "Kratos refused the admin request; check KRATOS_ADMIN_TOKEN and the admin URL.",
    );
  return new ApiError("upstream_error", "Kratos answered with an error.");
}

/** A body that is text where Kratos always answers JSON (an HTML page from a proxy, say): upstream_invalid. */
function checkJson<T>(data: T): T {
  if (typeof data === "string" && data.length > 0)
    throw new ApiError(
      "upstream_invalid",
      "Kratos answered with something that is not JSON; check the Kratos URL (a proxy or a wrong service?).",
    );
  return data;
}

/** Runs one SDK call, rethrowing failures as ApiError. */
export async function call<T>(fn: () => Promise<{ data: T }>, notFound?: string): Promise<T> {
  let data: T;
  try {
    data = (await fn()).data;
  } catch (err) {
    throw toApiError(err, notFound);
  }
  return checkJson(data);
}

/** A list call (an array and its Link pagination headers); anything but an array is upstream_invalid. */
export async function callWithHeaders<T>(
  fn: () => Promise<{ data: T; headers: unknown }>,
  notFound?: string,
): Promise<{ data: T; headers: Record<string, string | undefined> }> {
  let r: { data: T; headers: unknown };
  try {
    r = await fn();
  } catch (err) {
    throw toApiError(err, notFound);
  }
  if (!Array.isArray(r.data))
    throw new ApiError(
      "upstream_invalid",
      "Kratos answered a list call with something that is not a list; check the Kratos URL.",
    );
  return { data: r.data, headers: r.headers as Record<string, string | undefined> };
}

/** The outcome of one SDK call without throwing for HTTP statuses, for callers to whom some status is an answer. */
export type Attempt<T> =
  { ok: true; data: T } | { ok: false; status: number | undefined; body: unknown; error: ApiError };

/** Runs one SDK call through the same mapping as call(), but hands non-2xx answers back instead of throwing. */
export async function attempt<T>(fn: () => Promise<{ data: T }>, notFound?: string): Promise<Attempt<T>> {
  try {
    return { ok: true, data: checkJson((await fn()).data) };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    return { ok: false, status: kratosStatus(err), body: kratosBody(err), error: toApiError(err, notFound) };
  }
}
