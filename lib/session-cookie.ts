import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { sharedEnv } from "@/lib/shared-config";

/**
 * The sealed `truss_session` cookie: shared by middleware (optimistic check) and lib/server (real check).
 * Node-only on purpose: middleware.ts runs on the nodejs runtime so it can read the generated secret.
 */
export const SESSION_COOKIE = "truss_session";

export const sessionPayloadSchema = z.object({
  v: z.literal(1),
  kt: z.string().startsWith("ory_st_"), // Kratos session token
  iid: z.uuid(), // identity id
  aat: z.number(), // authenticated at (ms)
  lsa: z.number(), // last seen at (ms), for the idle limit
});
export type SessionPayload = z.infer<typeof sessionPayloadSchema>;

const SECRET_FILE = "session-secret";
let secrets: string[] | undefined;

/** TRUSS_SESSION_SECRET as a list: "new,old,…". The first seals; every one still unseals (rotation). */
export function parseSessionSecrets(raw: string): string[] {
  const list = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0 || list.some((s) => s.length < 32))
    throw new Error("TRUSS_SESSION_SECRET: each comma-separated secret must be at least 32 characters");
  return list;
}

/** TRUSS_SESSION_SECRET, or one generated once and kept in TRUSS_DATA_DIR (folder 0700, file 0600). */
export function sessionSecrets(): string[] {
  if (secrets) return secrets;
  const fromEnv = sharedEnv().TRUSS_SESSION_SECRET;
  if (fromEnv) return (secrets = parseSessionSecrets(fromEnv));
  const dir = path.resolve(/*turbopackIgnore: true*/ sharedEnv().TRUSS_DATA_DIR);
  const file = path.join(dir, SECRET_FILE);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return (secrets = [fs.readFileSync(file, "utf8").trim()]);
}

// iron-session names each password by a number carried in the seal. Deriving it from the secret itself keeps a
// cookie readable however the list is reordered or shortened, as long as its secret is still listed.
const secretId = (s: string) => parseInt(createHash("sha256").update(s).digest("hex").slice(0, 8), 16);
const sealPassword = () => ({ [secretId(sessionSecrets()[0]!)]: sessionSecrets()[0]! });
const unsealPasswords = () => Object.fromEntries(sessionSecrets().map((s) => [secretId(s), s]));

function limits() {
  const e = sharedEnv();
  return { idle: e.TRUSS_SESSION_IDLE_MINUTES * 60_000, max: e.TRUSS_SESSION_MAX_HOURS * 3_600_000 };
}

export function sessionTtlSeconds(): number {
  return Math.floor(limits().max / 1000);
}

export async function sealSession(payload: SessionPayload): Promise<string> {
  return sealData(payload, { password: sealPassword(), ttl: sessionTtlSeconds() });
}

// Unsealing is about 1 ms of WebCrypto and runs twice per request (middleware, then the route handler). Its result is
// a pure function of the cookie string and the secrets, so the verified payload is remembered by both for a minute
// (bounded; the idle and absolute limits are still checked on every use). On globalThis: middleware and routes share it.
const UNSEALED_MS = 60_000;
const UNSEALED_MAX = 2_000;
type Remembered = { payload: SessionPayload; until: number };
const g = globalThis as { __trussUnsealed?: Map<string, Remembered> };
const unsealed = (g.__trussUnsealed ??= new Map<string, Remembered>());
/** Which secrets unsealed it: a remembered payload never outlives a change of TRUSS_SESSION_SECRET. */
let scope: { secrets: string[]; id: string } | undefined;
function unsealScope(): string {
  const secrets = sessionSecrets();
  if (scope?.secrets !== secrets) scope = { secrets, id: secrets.map(secretId).join(",") };
  return scope.id;
}

async function unsealPayload(value: string, now: number): Promise<SessionPayload | null> {
  const key = `${unsealScope()}|${value}`;
  const hit = unsealed.get(key);
  if (hit && hit.until > now) return hit.payload;
  const data = await unsealData<unknown>(value, { password: unsealPasswords(), ttl: sessionTtlSeconds() });
  const parsed = sessionPayloadSchema.safeParse(data);
  if (!parsed.success) return null;
  if (unsealed.size >= UNSEALED_MAX) unsealed.clear(); // bounded: a flood of distinct cookies only costs re-unsealing
  unsealed.set(key, { payload: parsed.data, until: now + UNSEALED_MS });
  return parsed.data;
}

/** Unseals and checks shape, idle and absolute limits; anything odd is treated as no session. */
export async function readSession(value: string | undefined, now = Date.now()): Promise<SessionPayload | null> {
  if (!value) return null;
  try {
    const payload = await unsealPayload(value, now);
    if (!payload) return null;
    const { idle, max } = limits();
    if (now - payload.aat > max || now - payload.lsa > idle) return null;
    return payload;
  } catch {
    return null;
  }
}

/** The Kratos token sealed in a cookie, even one past its idle limit (to revoke it when it is replaced). */
export async function readSessionToken(value: string | undefined): Promise<string | null> {
  if (!value) return null;
  try {
    const parsed = sessionPayloadSchema.safeParse(
      await unsealData<unknown>(value, { password: unsealPasswords(), ttl: sessionTtlSeconds() }),
    );
    return parsed.success ? parsed.data.kt : null;
  } catch {
    return null;
  }
}

/**
 * Whether to re-seal the cookie with a fresh last-seen time: after a quarter of the idle limit, so an active
 * session never reaches the limit between two re-seals.
 */
export function resealDue(payload: SessionPayload, now = Date.now()): boolean {
  return now - payload.lsa > limits().idle / 4;
}

/** Secure whenever the dashboard is served over https: TRUSS_PUBLIC_URL decides, else the request itself. */
function isHttps(req: Request): boolean {
  const configured = sharedEnv().TRUSS_PUBLIC_URL;
  if (configured) return configured.startsWith("https:");
  return new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
}

function serialize(value: string, maxAge: number, req: Request, name = SESSION_COOKIE): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Lax"];
  if (isHttps(req)) parts.push("Secure");
  return parts.join("; ");
}

/** The session cookie's value from a request's cookie jar (NextRequest.cookies or next/headers cookies()). */
export function sessionCookieFrom(jar: { get(name: string): { value: string } | undefined }): string | undefined {
  return jar.get(SESSION_COOKIE)?.value || undefined;
}

/** Seals the payload and returns the Set-Cookie header value (HttpOnly, SameSite=Lax, Path=/, Secure on https). */
export async function sessionSetCookie(payload: SessionPayload, req: Request): Promise<string> {
  return serialize(await sealSession(payload), sessionTtlSeconds(), req);
}

/** The Set-Cookie header value that removes the session cookie. */
export function clearedSessionSetCookie(req: Request): string {
  return serialize("", 0, req);
}

/** Auth is required unless TRUSS_AUTH_REQUIRED is exactly "false" (fail closed; env.ts refuses other values at start). */
export function authRequired(): boolean {
  return sharedEnv().TRUSS_AUTH_REQUIRED;
}

/**
 * A social sign-in in progress (`truss_oidc`, 10 minutes): the first half of Kratos's session-token exchange code,
 * kept by the browser that started it, so a callback URL alone (someone else's code) can never complete a sign-in.
 * SameSite=Lax: it must come along on the top-level redirect back from Kratos.
 */
export const OIDC_COOKIE = "truss_oidc";
const OIDC_TTL_S = 600;
const oidcPendingSchema = z.object({ init: z.string().min(1), provider: z.string().min(1) });
export type OidcPending = z.infer<typeof oidcPendingSchema>;

export async function oidcPendingSetCookie(data: OidcPending, req: Request): Promise<string> {
  const sealed = await sealData(data, { password: sealPassword(), ttl: OIDC_TTL_S });
  return serialize(sealed, OIDC_TTL_S, req, OIDC_COOKIE);
}

export async function readOidcPending(jar: { get(name: string): { value: string } | undefined }) {
  const value = jar.get(OIDC_COOKIE)?.value;
  if (!value) return null;
  try {
    const parsed = oidcPendingSchema.safeParse(
      await unsealData<unknown>(value, { password: unsealPasswords(), ttl: OIDC_TTL_S }),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const clearedOidcPendingSetCookie = (req: Request): string => serialize("", 0, req, OIDC_COOKIE);
