import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** HTTP status texts as Go's net/http writes them into herodot's `status` field. */
const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  410: "Gone",
  422: "Unprocessable Entity",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** herodot's default messages, used when a case has no specific one. */
const DEFAULT_MESSAGE: Record<number, string> = {
  400: "The request was malformed or contained invalid parameters",
  401: "The request could not be authorized",
  403: "The requested action was forbidden",
  404: "The requested resource could not be found",
  409: "The resource could not be created due to a conflict",
  500: "An internal server error occurred, please contact the system administrator",
};

export interface ErrorFields {
  id?: string;
  reason?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/** The one error type the handlers throw; onError turns it into Kratos's herodot envelope. */
export class KratosError extends Error {
  readonly status: number;
  readonly fields: ErrorFields;
  /** Top-level siblings of `error` (use_flow_id, redirect_browser_to, ...). */
  readonly extra: Record<string, unknown> | undefined;

  /** The `code` written in the body when it differs from the HTTP status (a Kratos quirk). */
  readonly bodyCode: number;

  constructor(status: number, fields: ErrorFields = {}, extra?: Record<string, unknown>, bodyCode = status) {
    super(fields.message ?? fields.reason ?? STATUS_TEXT[status] ?? "error");
    this.status = status;
    this.fields = fields;
    this.extra = extra;
    this.bodyCode = bodyCode;
  }

  /** The bare herodot error object (also used per item in batch results). */
  toErrorObject(requestId?: string | null): Record<string, unknown> {
    const f = this.fields;
    return {
      ...(f.id !== undefined && { id: f.id }),
      code: this.bodyCode,
      status: STATUS_TEXT[this.bodyCode] ?? "Error",
      ...(requestId ? { request: requestId } : {}),
      ...(f.reason !== undefined && { reason: f.reason }),
      ...(f.details !== undefined && { details: f.details }),
      message: f.message ?? DEFAULT_MESSAGE[this.status] ?? STATUS_TEXT[this.status] ?? "error",
    };
  }
}

export const badRequest = (reason?: string, message?: string): KratosError => new KratosError(400, { reason, message });

/** sqlcon.ErrNoRows: what Kratos answers for a missing or unparseable id. */
export const notFoundRow = (): KratosError => new KratosError(404, { message: "Unable to locate the resource" });

/** Conflict as the single-create endpoint reports it. */
export const createConflict = (): KratosError =>
  new KratosError(409, {
    reason: "This identity conflicts with another identity that already exists.",
    message: "The resource could not be created due to a conflict",
  });

/** sqlcon.ErrUniqueViolation: update, patch and batch items. */
export const uniqueViolation = (): KratosError =>
  new KratosError(409, {
    message: "Unable to insert or update resource because a resource with that value exists already",
  });

/** Marks a SQLite constraint failure so callers can map it to the right 409 flavour. */
export function isUniqueViolation(err: unknown): boolean {
  return (
    err instanceof Error && "code" in err && typeof err.code === "string" && err.code.startsWith("SQLITE_CONSTRAINT")
  );
}

/** Writes any thrown value as a herodot envelope; client input never yields a 500. */
export function onError(err: Error, c: Context): Response {
  const requestId = c.req.header("X-Request-ID");
  const ke = err instanceof KratosError ? err : new KratosError(500);
  if (!(err instanceof KratosError)) console.error("[embedded-kratos]", err);
  return c.json({ error: ke.toErrorObject(requestId), ...(ke.extra ?? {}) }, ke.status as ContentfulStatusCode);
}
