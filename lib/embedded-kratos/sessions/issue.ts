import type { Context } from "hono";
import type { KratosDeps } from "../deps";
import { digestsEqual, hashToken, newSessionToken } from "../crypto/tokens";
import { isSessionActive } from "../encode/session";
import { readSessionCookie } from "../browser/session-cookie";
import { clientIp, formatTime } from "../http";
import type { IdentityRecord, SessionRecord } from "../store/types";

/** The socket address as Go's RemoteAddr shows it ("ip:port"); absent under app.request(). */
export function remoteAddr(c: Context): string | undefined {
  const env: unknown = c.env;
  if (typeof env !== "object" || env === null || !("incoming" in env)) return undefined;
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string; remotePort?: number } } }).incoming;
  const s = incoming?.socket;
  return s?.remoteAddress ? `${s.remoteAddress}:${s.remotePort ?? 0}` : undefined;
}

/** Creates an aal1 password session and returns the plaintext token (stored only as a hash). */
export function issueSession(
  deps: KratosDeps,
  identity: IdentityRecord,
  c: Context,
  method = "password",
): { token: string; session: SessionRecord } {
  const now = deps.now();
  const at = formatTime(now);
  const token = newSessionToken();
  const city = c.req.header("Cf-Ipcity");
  const country = c.req.header("Cf-Ipcountry");
  const session: SessionRecord = {
    id: deps.newId(),
    identityId: identity.id,
    tokenHash: hashToken(token),
    active: true,
    authenticatedAt: at,
    issuedAt: at,
    expiresAt: formatTime(new Date(now.getTime() + deps.config.sessionLifespanMs)),
    aal: "aal1",
    methods: [{ method, aal: "aal1", completed_at: at }],
    devices: [
      {
        id: deps.newId(),
        ip_address: clientIp(c, remoteAddr(c)),
        user_agent: c.req.header("User-Agent") ?? "",
        location: city || country ? [city, country].filter(Boolean).join(", ") : "",
      },
    ],
    createdAt: at,
    updatedAt: at,
  };
  deps.store.sessions.insert(session);
  return { token, session };
}

/** The session token from X-Session-Token, else `Authorization: Bearer`, else the ory_kratos_session cookie (manager_http extractToken). */
export function extractToken(c: Context): string | undefined {
  const header = c.req.header("X-Session-Token")?.trim();
  if (header) return header;
  const auth = c.req.header("Authorization");
  const m = auth ? /^bearer\s+(.+)$/i.exec(auth.trim()) : null;
  return m?.[1]?.trim() || readSessionCookie(c);
}

/** Resolves a token to an active session and its identity, or undefined. */
export function findActiveSession(
  deps: KratosDeps,
  token: string | undefined,
): { session: SessionRecord; identity: IdentityRecord } | undefined {
  if (!token) return undefined;
  const digest = hashToken(token);
  const session = deps.store.sessions.getByTokenHash(digest);
  if (!session || !digestsEqual(session.tokenHash, digest)) return undefined;
  const identity = deps.store.identities.get(session.identityId);
  if (!identity || !isSessionActive(session, identity, deps.now())) return undefined;
  return { session, identity };
}
