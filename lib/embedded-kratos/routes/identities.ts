import type { Hono } from "hono";
import type { KratosDeps } from "../deps";
import { badRequest, createConflict, isUniqueViolation, notFoundRow, uniqueViolation } from "../errors";
import { isUuid, readJson } from "../http";
import { deriveAndValidate, prepareCreate } from "../identities/import";
import { hashPendingPasswords } from "../identities/passwords";
import { applyUpdate } from "../identities/update";
import type { IdentityRecord } from "../store/types";
import { adminIdentity, includeCredentials } from "./identity-encoding";

/** Loads an identity or throws sqlcon's 404; unparseable ids are treated as missing. */
export function getIdentityOrThrow(deps: KratosDeps, id: string): IdentityRecord {
  const rec = isUuid(id) ? deps.store.identities.get(id.toLowerCase()) : undefined;
  if (!rec) throw notFoundRow();
  return rec;
}

/** Runs a store write and maps SQLite unique violations to the given 409 flavour. */
export function writeOrConflict(write: () => void, conflict = uniqueViolation): void {
  try {
    write();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict();
    throw err;
  }
}

/** Identity CRUD under /admin/identities. */
export function registerIdentityRoutes(app: Hono, deps: KratosDeps): void {
  const ids = deps.store.identities;

  app.get("/admin/identities/by/external/:externalID", (c) => {
    const externalId = c.req.param("externalID");
    if (!externalId) throw badRequest("The external ID must not be empty.");
    const rec = ids.getByExternalId(externalId);
    if (!rec) throw notFoundRow();
    return c.json(adminIdentity(rec, deps, { withConfig: includeCredentials(c) }));
  });

  app.get("/admin/identities/:id", (c) => {
    const withConfig = includeCredentials(c);
    return c.json(adminIdentity(getIdentityOrThrow(deps, c.req.param("id")), deps, { withConfig }));
  });

  app.post("/admin/identities", async (c) => {
    const prepared = prepareCreate(await readJson(c), deps);
    deriveAndValidate(prepared, deps);
    await hashPendingPasswords([prepared], deps.config.bcryptCost);
    writeOrConflict(() => ids.insert(prepared.record), createConflict);
    c.header("Location", `${deps.config.adminBaseUrl}/identities/${prepared.record.id}`);
    return c.json(adminIdentity(prepared.record, deps, { omitNullAdminMetadata: true }), 201);
  });

  app.put("/admin/identities/:id", async (c) => {
    const body = await readJson(c);
    const current = getIdentityOrThrow(deps, c.req.param("id"));
    const next = await applyUpdate(current, body, deps);
    writeOrConflict(() => ids.update(next));
    return c.json(adminIdentity(next, deps, { omitNullAdminMetadata: true }));
  });

  app.delete("/admin/identities/:id", (c) => {
    const id = c.req.param("id");
    if (!isUuid(id) || !ids.delete(id.toLowerCase())) throw notFoundRow();
    return c.body(null, 204);
  });
}
