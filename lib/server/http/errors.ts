import "server-only";
import { describeIssues } from "@/lib/schemas/error";
import { ZodError } from "zod";
import { errorBody, errorStatus, type ErrorId } from "@/lib/schemas/error";

export const JSON_TYPE = "application/json; charset=utf-8";

/** A failure that is safe to show the caller: its id picks the status, its message is user-facing. */
export class ApiError extends Error {
  readonly id: ErrorId;
  readonly reason?: string;
  readonly details?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
  constructor(
    id: ErrorId,
    message: string,
    extra: { reason?: string; details?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.id = id;
    this.reason = extra.reason;
    this.details = extra.details;
    this.headers = extra.headers;
  }
  get status(): number {
    return errorStatus[this.id];
  }
}

/** Turns zod issues into `{ path, message }` pairs the UI can place next to fields. */
export function zodIssues(err: ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** Maps any thrown value to the one envelope; unknown errors are logged once and never echoed. */
export function toErrorResponse(err: unknown, requestId: string): Response {
  let apiError: ApiError;
  if (err instanceof ApiError) apiError = err;
  else if (err instanceof ZodError)
    apiError = new ApiError(
      "validation_failed",
      describeIssues(zodIssues(err), "The request did not pass validation."),
      {
        details: { issues: zodIssues(err) },
      },
    );
  else {
    console.error(`[truss] ${requestId} unhandled error:`, err instanceof Error ? err.stack : String(err));
    apiError = new ApiError("internal", "An internal error occurred. It has been logged.");
  }
  const body = errorBody(apiError.id, apiError.message, requestId, {
    reason: apiError.reason,
    details: apiError.details,
  });
  return Response.json(body, {
    status: apiError.status,
    headers: { "Content-Type": JSON_TYPE, "Cache-Control": "no-store", "X-Request-Id": requestId, ...apiError.headers },
  });
}
