import type { Hono } from "hono";
import type { KratosDeps } from "../deps";
import { ensureCsrfCookie, regenerateCsrfCookie } from "../browser/csrf";
import { asBrowser, checkReturnTo, seeOther, wantsJson } from "../browser/respond";
import { clearSessionCookie } from "../browser/session-cookie";
import { hashToken, randomAlphaNum } from "../crypto/tokens";
import { KratosError, notFoundRow } from "../errors";
import { sessionInactive } from "../flows/settings-flow";
import { formatTime } from "../http";
import { extractToken, findActiveSession } from "../sessions/issue";

/** Browser logout (create a logout URL, then follow it) and the error flow's GET /self-service/errors. */
export function registerBrowserSessionRoutes(app: Hono, deps: KratosDeps): void {
  app.get("/self-service/logout/browser", (c) => {
    const found = findActiveSession(deps, extractToken(c));
    if (!found) {
      ensureCsrfCookie(c, deps);
      throw sessionInactive();
    }
    const returnTo = checkReturnTo(deps, c.req.query("return_to"));
    const token = `ory_lo_${randomAlphaNum(32)}`;
    deps.store.selfService.insertLogoutToken(hashToken(token), found.session.id, formatTime(deps.now()));
    const q = new URLSearchParams({ token, ...(returnTo ? { return_to: returnTo } : {}) });
    return c.json({
      logout_token: token,
      logout_url: `${deps.config.publicBaseUrl}/self-service/logout?${q.toString()}`,
    });
  });

  app.get("/self-service/logout", (c) =>
    asBrowser(c, deps, () => {
      regenerateCsrfCookie(c, deps);
      const returnTo = checkReturnTo(deps, c.req.query("return_to"));
      const token = c.req.query("token") ?? "";
      const sessionId = token ? deps.store.selfService.takeLogoutToken(hashToken(token)) : undefined;
      if (!sessionId) {
        throw new KratosError(401, {
          id: "session_inactive",
          reason: "The provided logout token is invalid or has already been used.",
          message: "request does not have a valid authentication session",
        });
      }
      deps.store.sessions.deactivate(sessionId, formatTime(deps.now()));
      clearSessionCookie(c);
      if (wantsJson(c)) return c.body(null, 204);
      return seeOther(c, returnTo ?? deps.config.selfService.defaultReturnUrl);
    }),
  );

  app.get("/self-service/errors", (c) => {
    ensureCsrfCookie(c, deps);
    const id = c.req.query("id") ?? "";
    const found = deps.store.selfService.getError(id);
    if (!found) throw notFoundRow();
    return c.json({ id, error: found.error, created_at: found.createdAt, updated_at: found.createdAt });
  });
}
