import { z } from "zod";

/** The closed set of error ids the dashboard API and /v1 answer with, paired with their HTTP status. */
export const errorStatus = {
  invalid_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  admin_protected: 403,
  reauth_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  unprocessable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  upstream_error: 502,
  upstream_invalid: 502,
  upstream_unavailable: 503,
  upstream_timeout: 504,
} as const;

export const errorIdSchema = z.enum(
  Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]],
);
export type ErrorId = z.infer<typeof errorIdSchema>;

/** A per-item failure (import rows, bulk items): the same closed set of ids. */
export const itemErrorSchema = z.object({ id: errorIdSchema, message: z.string() });
export type ItemError = z.infer<typeof itemErrorSchema>;

export const errorIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    id: errorIdSchema,
    code: z.number().int(),
    message: z.string(),
    reason: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    request: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The one envelope, built the same way by route handlers and middleware (edge-safe). */
export function errorBody(
  id: ErrorId,
  message: string,
  request: string,
  extra: { reason?: string; details?: Record<string, unknown> } = {},
): ErrorBody {
  return {
    error: {
      id,
      code: errorStatus[id],
      message,
      ...(extra.reason ? { reason: extra.reason } : {}),
      ...(extra.details ? { details: extra.details } : {}),
      request,
    },
  };
}
