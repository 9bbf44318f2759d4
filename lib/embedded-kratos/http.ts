import type { Context } from "hono";
import { KratosError, badRequest } from "./errors";

/** RFC 3339 UTC with millisecond precision, as Kratos clients parse it. */
export const formatTime = (d: Date): string => d.toISOString();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string): boolean => UUID_RE.test(v);

export type JsonObject = Record<string, unknown>;
export const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads and parses a JSON body. Errors mirror Go's encoding/json texts because Kratos
 * surfaces them verbatim as the herodot message.
 */
export async function readJson(c: Context, emptyMessage = "EOF"): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") throw badRequest(undefined, emptyMessage);
  return parseJsonText(text);
}

/** JSON.parse with Go-like error wording. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const detail = err instanceof Error ? err.message : "invalid JSON";
    throw badRequest(undefined, `invalid character in JSON input: ${detail}`);
  }
}

/** Go's strict decoder (DisallowUnknownFields): the first unknown key fails the request. */
export function assertKnownKeys(obj: JsonObject, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw badRequest(undefined, `json: unknown field "${key}"`);
  }
}

/** Type checks for decoded bodies, with Go's unmarshal wording. */
export function expectType(value: unknown, type: "string" | "object" | "boolean" | "array", field: string): void {
  const ok = type === "array" ? Array.isArray(value) : type === "object" ? isObject(value) : typeof value === type;
  if (!ok) {
    const got = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
    throw badRequest(undefined, `json: cannot unmarshal ${got} into Go struct field .${field} of type ${type}`);
  }
}

/** Parses a Go duration subset ("1h", "30m", "1h30m", "45s", "500ms"). */
export function parseDuration(input: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (const m of input.matchAll(re)) {
    const n = Number(m[1]);
    const unit = m[2];
    total += n * (unit === "h" ? 3_600_000 : unit === "m" ? 60_000 : unit === "s" ? 1000 : 1);
    matched += m[0].length;
  }
  return matched === input.length && input.length > 0 ? total : undefined;
}

/** The client IP the way Kratos's httpx.ClientIP picks it. */
export function clientIp(c: Context, remote: string | undefined): string {
  for (const h of ["True-Client-IP", "Cf-Connecting-IP", "X-Real-IP"]) {
    const v = c.req.header(h)?.trim();
    if (v) return v;
  }
  const fwd = c.req.header("X-Forwarded-For")?.split(",")[0]?.trim();
  return fwd || remote || "";
}

export const notImplemented = (what: string): KratosError =>
  new KratosError(404, { reason: `${what} is not supported by the embedded server.` });
