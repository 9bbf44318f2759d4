import type { Hono } from "hono";
import type { KratosDeps } from "../deps";
import { KratosError, badRequest, isUniqueViolation, uniqueViolation } from "../errors";
import { goUuidError } from "../go-compat";
import { assertKnownKeys, expectType, isUuid, readJson, type JsonObject } from "../http";
import { deriveAndValidate, prepareCreate, type PreparedIdentity } from "../identities/import";
import { hashPendingPasswords } from "../identities/passwords";

const MAX_ITEMS = 1000;

/** A 400 response whose body says 500, as Kratos v26.2.0 answers undecodable batch entries. */
const decodeError = (message: string) => new KratosError(400, { message }, undefined, 500);
const MAX_PLAINTEXT = 200;

interface Item {
  patchId?: string;
  prepared: PreparedIdentity;
  error?: KratosError;
}

/** Strict decoding of one batch entry; any problem fails the whole request, as in Kratos. */
function decodeItem(raw: unknown, deps: KratosDeps): Item | null {
  if (raw === null) return null;
  expectType(raw, "object", "identities");
  const entry = raw as JsonObject;
  assertKnownKeys(entry, ["create", "patch_id"]);
  let patchId: string | undefined;
  if (entry.patch_id !== undefined && entry.patch_id !== null) {
    if (typeof entry.patch_id !== "string" || !isUuid(entry.patch_id)) {
      throw decodeError(
        goUuidError(typeof entry.patch_id === "string" ? entry.patch_id : JSON.stringify(entry.patch_id)),
      );
    }
    patchId = entry.patch_id.toLowerCase();
  }
  if (entry.create === undefined || entry.create === null) return null;
  return { patchId, prepared: prepareCreate(entry.create, deps) };
}

/**
 * PATCH /admin/identities: batch create. Validation errors and conflicts are reported per item
 * (HTTP 200 even if all fail). Passwords are hashed in parallel, then every insert runs in one
 * transaction with a savepoint per item, so a failed item leaves no rows and a crash leaves none.
 */
export function registerIdentityBatchRoutes(app: Hono, deps: KratosDeps): void {
  app.patch("/admin/identities", async (c) => {
    const body = await readJson(c);
    expectType(body, "object", "BatchPatchIdentitiesBody");
    assertKnownKeys(body as JsonObject, ["identities"]);
    const rawItems = (body as JsonObject).identities ?? [];
    expectType(rawItems, "array", "identities");
    const list = rawItems as unknown[];
    if (list.length > MAX_ITEMS) {
      throw badRequest(
        `The maximum number of identities per request that can be created or deleted at once is ${MAX_ITEMS}.`,
      );
    }
    const items = list.map((raw) => {
      try {
        return decodeItem(raw, deps);
      } catch (err) {
        // Kratos's batch decoder wraps strict-decoding failures as a 500 inside the 400 answer.
        if (err instanceof KratosError && err.fields.message?.startsWith("json: unknown field"))
          throw decodeError(err.fields.message);
        throw err;
      }
    });
    const plaintext = items.filter((i) => i?.prepared.plaintextPassword !== undefined).length;
    if (plaintext > MAX_PLAINTEXT) {
      throw badRequest(
        `The maximum number of identities per request that can be created with a plaintext password is ${MAX_PLAINTEXT}.`,
      );
    }
    for (const item of items) {
      if (!item) continue;
      try {
        deriveAndValidate(item.prepared, deps);
      } catch (err) {
        if (!(err instanceof KratosError)) throw err;
        item.error = err;
      }
    }
    const valid = items.filter((i): i is Item => i !== null && i.error === undefined);
    await hashPendingPasswords(
      valid.map((i) => i.prepared),
      deps.config.bcryptCost,
    );
    deps.store.transaction(() => {
      for (const item of valid) {
        try {
          deps.store.identities.insert(item.prepared.record);
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          item.error = uniqueViolation();
        }
      }
    });
    return c.json({ identities: items.map(encodeResult) });
  });
}

function encodeResult(item: Item | null): JsonObject | null {
  if (!item) return null;
  const patch = item.patchId !== undefined ? { patch_id: item.patchId } : {};
  if (item.error) return { action: "error", ...patch, error: item.error.toErrorObject() };
  return { action: "create", identity: item.prepared.record.id, ...patch };
}
