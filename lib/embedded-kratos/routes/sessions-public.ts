import type { Hono } from "hono";
import type { KratosDeps } from "../deps";
import { hashToken } from "../crypto/tokens";
import { encodeSession } from "../encode/session";
import { KratosError } from "../errors";
import { formatTime, isObject, readJson } from "../http";
import { extractToken, findActiveSession } from "../sessions/issue";

/** ErrNoSessionFound as whoami writes it: note the absent `error.id`. */
const noSession = () =>
  new KratosError(401, {
    reason: "No valid session credentials found in the request.",
    message: "The request could not be authorized",
  });

/** GET /sessions/whoami and DELETE /self-service/logout/api. */
export function registerPublicSessionRoutes(app: Hono, deps: KratosDeps): void {
  app.get("/sessions/whoami", (c) => {
    const found = findActiveSession(deps, extractToken(c));
    if (!found) throw noSession();
    c.header("X-Kratos-Authenticated-Identity-Id", found.identity.id);
    return c.json(
      encodeSession(found.session, {
        now: deps.now(),
        identity: found.identity,
        expandIdentity: true,
        expandDevices: true,
        identityOptions: { publicBaseUrl: deps.config.publicBaseUrl, admin: false },
      }),
    );
  });

  app.delete("/self-service/logout/api", async (c) => {
    const body = await readJson(c);
    const token = isObject(body) && typeof body.session_token === "string" ? body.session_token : "";
    const session = token ? deps.store.sessions.getByTokenHash(hashToken(token)) : undefined;
    if (!session) {
      throw new KratosError(403, {
        reason: "The provided Ory Session Token could not be found, is invalid, or otherwise malformed.",
      });
    }
    deps.store.sessions.deactivate(session.id, formatTime(deps.now()));
    return c.body(null, 204);
  });
}
