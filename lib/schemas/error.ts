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

/** "traits.name.first" → "Name (first)", "body.password" → "Password": a field as a person names it. */
export function fieldLabel(path: string): string {
  const parts = path
    .split(".")
    .filter((p) => p && !["body", "query", "path", "traits"].includes(p) && !/^\d+$/.test(p));
  const words = parts.map((p) => p.replace(/_/g, " "));
  if (words.length === 0) return "";
  const [head, ...rest] = words;
  const label = head!.charAt(0).toUpperCase() + head!.slice(1);
  return rest.length ? `${label} (${rest.join(", ")})` : label;
}

/** One validation issue as a sentence: "Password is too common.", "Email must be a valid email address." */
export function describeIssue(issue: ErrorIssue): string {
  const label = fieldLabel(issue.path);
  const msg = issue.message.trim().replace(/[\s.…]+$/, "");
  const sentence = !label
    ? msg.charAt(0).toUpperCase() + msg.slice(1)
    : /^(is|are|must|should|has|have|cannot|can't|may|needs?)\b/i.test(msg)
      ? `${label} ${msg}`
      : `${label}: ${msg}`;
  return `${sentence}.`;
}

/** A validation failure's message: its first issue as a sentence, and how many more there are. */
export function describeIssues(issues: ErrorIssue[], fallback: string): string {
  if (issues.length === 0) return fallback;
  const more = issues.length - 1;
  return more > 0
    ? `${describeIssue(issues[0]!)} (${more} more problem${more > 1 ? "s" : ""}.)`
    : describeIssue(issues[0]!);
}
