import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError, zodIssues } from "@/lib/server/http/errors";
import {
  batchCreateIdentities,
  defaultSchemaId,
  findIdentityByIdentifier,
  listSchemas,
  type BatchItem,
} from "@/lib/server/kratos";
import { buildTraits } from "@/lib/server/kratos/traits";
import { foldTraitColumns } from "@/lib/server/services/import-rows";
import { traitProblems } from "@/lib/server/services/trait-validator";
import { emailOf, identifierValues } from "@/lib/identity-schema";
import { importRowSchema, type ImportResponse, type ImportResult, type ImportRow } from "@/lib/schemas/import";

// Kratos allows 200 plaintext passwords per batch; 100 keeps each call well inside its timeout on small machines.
const PLAINTEXT_PER_CHUNK = 100;
const ROWS_PER_CHUNK = 500;

interface ValidRow {
  index: number;
  row: ImportRow;
  schemaId: string;
  traits: Record<string, unknown>;
  email: string | null;
  identifier: string | null;
}

/**
 * Imports up to 500 users of any identity schema: every row is validated first (Truss's password policy, the row's
 * schema, in-batch duplicates on every identifier; a dry run also asks Kratos which identifiers already exist), then
 * valid rows go to Kratos's batch endpoint in chunks within its limits. Results keep input order.
 */
export async function importUsers(rows: Record<string, unknown>[], dryRun: boolean): Promise<ImportResponse> {
  const results: ImportResult[] = [];
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  const schemas = new Map((await listSchemas().catch(() => [])).map((e) => [e.id, e]));
  const fail = (index: number, email: string | null, identifier: string | null, id: string, message: string) => {
    results[index] = { index, email, identifier, status: "error", error: { id, message } as ImportResult["error"] };
  };
  const fallbackSchema = await defaultSchemaId();
  rows.forEach((raw, index) => {
    const schemaId = typeof raw.schema_id === "string" && raw.schema_id.trim() ? raw.schema_id.trim() : fallbackSchema;
    const entry = schemas.get(schemaId);
    const folded = foldTraitColumns(raw, entry?.summary);
    const rawEmail = typeof raw.email === "string" ? raw.email.trim().toLowerCase() || null : null;
    const parsed = importRowSchema.safeParse(folded);
    if (!parsed.success) {
      const msg = zodIssues(parsed.error)
        .map((i) => `${i.path || "row"}: ${i.message}`)
        .join("; ");
      return fail(index, rawEmail, rawEmail, "validation_failed", msg);
    }
    if (!entry && schemas.size > 0)
      return fail(index, rawEmail, rawEmail, "validation_failed", `schema_id: Kratos has no schema "${schemaId}".`);
    let traits: Record<string, unknown>;
    try {
      traits = buildTraits(entry?.summary, parsed.data);
    } catch (err) {
      return fail(index, rawEmail, rawEmail, "validation_failed", err instanceof Error ? err.message : String(err));
    }
    const ids = entry ? identifierValues(traits, entry.summary).map((v) => v.value) : [parsed.data.email ?? ""];
    const email = emailOf(traits, entry?.summary);
    const identifier = ids[0] || email;
    const problems = entry ? traitProblems(entry, traits) : [];
    if (problems.length) return fail(index, email, identifier, "validation_failed", problems.join("; "));
    const dup = ids.map((v) => ({ v, at: seen.get(v.toLowerCase()) })).find((d) => d.at !== undefined);
    if (dup)
      return fail(index, email, identifier, "conflict", `Duplicate of row ${dup.at! + 1} (${dup.v}) in this import.`);
    for (const v of ids) seen.set(v.toLowerCase(), index);
    valid.push({ index, row: parsed.data, schemaId, traits, email, identifier });
    results[index] = { index, email, identifier, status: "valid" };
  });
  if (dryRun) await flagExisting(valid, results);
  // Taken before anything is sent: after a timeout only identities created since then count as this import's.
  const startedAt = new Date();
  if (!dryRun) for (const chunk of chunks(valid)) await oneChunkAtATime(() => sendChunk(chunk, results, startedAt));
  const count = (s: ImportResult["status"]) => results.filter((r) => r.status === s).length;
  return {
    dry_run: dryRun,
    summary: { total: rows.length, created: count("created"), valid: count("valid"), failed: count("error") },
    results,
  };
}

/** A preview says up front which rows Kratos would refuse as existing users (8 lookups in flight at most). */
async function flagExisting(valid: ValidRow[], results: ImportResult[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < valid.length) {
      const v = valid[next++]!;
      if (!v.identifier) continue;
      const found = await findIdentityByIdentifier(v.identifier).catch(() => null);
      if (found)
        results[v.index] = {
          index: v.index,
          email: v.email,
          identifier: v.identifier,
          status: "error",
          error: { id: "conflict", message: `A user with ${v.identifier} already exists.` },
        };
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, valid.length) }, worker));
}

// One chunk in flight per process, whatever the number of concurrent imports: Kratos hashes a chunk's passwords
// on its own CPUs, and sign-ins need a share of them.
let gate: Promise<unknown> = Promise.resolve();
function oneChunkAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = gate.then(fn, fn);
  gate = run.catch(() => undefined);
  return run;
}

function* chunks(rows: ValidRow[]) {
  let current: typeof rows = [];
  let plaintext = 0;
  for (const r of rows) {
    const isPlain = !!r.row.password;
    if (current.length === ROWS_PER_CHUNK || (isPlain && plaintext === PLAINTEXT_PER_CHUNK)) {
      yield current;
      current = [];
      plaintext = 0;
    }
    current.push(r);
    if (isPlain) plaintext++;
  }
  if (current.length) yield current;
}

function credentialsFor(row: ImportRow) {
  const password = row.password
    ? { config: { password: row.password } }
    : row.password_hash
      ? { config: { hashed_password: row.password_hash } }
      : undefined;
  const oidc = row.providers?.length ? { config: { providers: row.providers } } : undefined;
  return password || oidc ? { ...(password ? { password } : {}), ...(oidc ? { oidc } : {}) } : undefined;
}

async function sendChunk(chunk: ValidRow[], results: ImportResult[], startedAt: Date): Promise<void> {
  const items: BatchItem[] = chunk.map(({ row, schemaId, traits }) => ({
    patchId: randomUUID(),
    create: {
      schema_id: schemaId,
      traits,
      state: row.state,
      credentials: credentialsFor(row),
    },
  }));
  try {
    const out = await batchCreateIdentities(items);
    out.forEach((r, i) => {
      const { index, email, identifier } = chunk[i]!;
      results[index] = r.ok
        ? { index, email, identifier, status: "created", id: r.identityId }
        : {
            index,
            email,
            identifier,
            status: "error",
            error: {
              id: r.code === 409 ? "conflict" : "invalid_request",
              message: r.code === 409 ? `A user with ${identifier ?? "this identifier"} already exists.` : r.message,
            },
          };
    });
  } catch (err) {
    // Kratos refuses a whole batch for one bad item (e.g. a hash format or cost it does not accept). Nothing was
    // written, so split the chunk and resend the halves: the bad rows end up alone, with Kratos's own reason.
    if (err instanceof ApiError && err.id === "invalid_request" && chunk.length > 1) {
      const mid = Math.ceil(chunk.length / 2);
      await sendChunk(chunk.slice(0, mid), results, startedAt);
      await sendChunk(chunk.slice(mid), results, startedAt);
      return;
    }
    // The whole chunk failed. After a timeout Kratos may still have created rows, so never resend blindly: look
    // each row up. Only an identity created since this import started is reported created; one that existed
    // before is a conflict (never claimed as ours); everything else is reported as failed, none silently lost.
    const message =
      err instanceof ApiError && err.reason
        ? err.reason
        : err instanceof Error
          ? err.message
          : "Kratos rejected this chunk.";
    const timedOut = err instanceof ApiError && err.id === "upstream_timeout";
    for (const { index, email, identifier } of chunk) {
      const found = timedOut && identifier ? await findIdentityByIdentifier(identifier).catch(() => null) : null;
      const ours = !!found?.created_at && new Date(found.created_at) >= startedAt;
      results[index] =
        found && ours
          ? { index, email, identifier, status: "created", id: found.id }
          : found
            ? {
                index,
                email,
                identifier,
                status: "error",
                error: { id: "conflict", message: `A user with ${identifier} already existed before this import.` },
              }
            : {
                index,
                email,
                identifier,
                status: "error",
                error: { id: err instanceof ApiError ? err.id : "upstream_error", message },
              };
    }
  }
}
