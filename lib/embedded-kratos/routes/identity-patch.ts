import type { Hono } from "hono";
import type { KratosDeps } from "../deps";
import { KratosError, badRequest } from "../errors";
import { parseJsonText } from "../http";
import { parsePatch, patchError } from "../identities/json-patch";
import { applyIdentityPatch } from "../identities/update";
import type { CredentialRecord, IdentityRecord } from "../store/types";
import { getIdentityOrThrow, writeOrConflict } from "./identities";
import { adminIdentity } from "./identity-encoding";

/** First-factor credentials that can still log in: a set password, and each linked provider. */
function countFirstFactors(rec: IdentityRecord): number {
  return rec.credentials.reduce((n, c) => {
    if (c.type === "password") return n + (typeof c.config.hashed_password === "string" ? 1 : 0);
    if (c.type === "oidc" || c.type === "saml") return n + c.identifiers.length;
    return n;
  }, 0);
}

function removeProvider(cred: CredentialRecord, identifier: string): void {
  const idx = cred.identifiers.indexOf(identifier);
  if (idx < 0) {
    throw new KratosError(404, {
      reason: `The identifier \`${identifier}\` was not found among ${cred.type.toUpperCase()} credentials.`,
    });
  }
  cred.identifiers.splice(idx, 1);
  const providers = Array.isArray(cred.config.providers) ? (cred.config.providers as Record<string, unknown>[]) : [];
  cred.config = {
    ...cred.config,
    providers: providers.filter((p) => `${String(p.provider)}:${String(p.subject)}` !== identifier),
  };
}

/** JSON Patch and credential removal. */
export function registerIdentityPatchRoutes(app: Hono, deps: KratosDeps): void {
  app.patch("/admin/identities/:id", async (c) => {
    const text = await c.req.text();
    if (text.trim() === "") throw patchError("invalid state detected");
    const raw = parseJsonText(text);
    const current = getIdentityOrThrow(deps, c.req.param("id"));
    const next = applyIdentityPatch(current, parsePatch(raw), deps);
    writeOrConflict(() => deps.store.identities.update(next));
    return c.json(adminIdentity(next, deps));
  });

  app.delete("/admin/identities/:id/credentials/:type", (c) => {
    const rec = structuredClone(getIdentityOrThrow(deps, c.req.param("id")));
    const type = c.req.param("type");
    const cred = rec.credentials.find((x) => x.type === type);
    if (!cred) {
      throw new KratosError(404, { reason: `You tried to remove a ${type} but this user have no ${type} set up.` });
    }
    if (type === "totp" || type === "lookup_secret") {
      rec.credentials = rec.credentials.filter((x) => x !== cred);
    } else if (type === "password" || type === "oidc" || type === "saml") {
      if (countFirstFactors(rec) < 2) throw badRequest("You cannot remove the last first factor credential.");
      if (type === "password") {
        // Identifiers stay (they keep the e-mail unique); only the secret goes.
        cred.config = {};
      } else {
        const identifier = c.req.query("identifier") ?? "";
        if (!identifier) throw badRequest("You must provide an identifier to delete this credential.");
        removeProvider(cred, identifier);
      }
    } else {
      throw badRequest(`Credentials type ${type} cannot be deleted.`);
    }
    rec.updatedAt = new Date(deps.now()).toISOString();
    writeOrConflict(() => deps.store.identities.update(rec));
    return c.body(null, 204);
  });
}
