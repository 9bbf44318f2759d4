import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/server/env";
import { ApiError, zodIssues } from "@/lib/server/http/errors";
import { batchCreateIdentities, findIdentityByEmail, traitsFor, type BatchItem } from "@/lib/server/kratos";
import { importRowSchema, type ImportResponse, type ImportResult, type ImportRow } from "@/lib/schemas/import";

// Kratos allows 200 plaintext passwords per batch; 100 keeps each call well inside its timeout on small machines.
const PLAINTEXT_PER_CHUNK = 100;
const ROWS_PER_CHUNK = 500;

/**
 * Imports up to 500 users: every row is validated first (Truss's password policy, in-batch duplicates),
 * then valid rows go to Kratos's batch endpoint in chunks within its limits. Results keep input order.
 */
export async function importUsers(rows: Record<string, unknown>[], dryRun: boolean): Promise<ImportResponse> {
  const results: ImportResult[] = [];
  const valid: { index: number; row: ImportRow }[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const email = typeof raw.email === "string" ? raw.email.trim().toLowerCase() : null;
    const parsed = importRowSchema.safeParse(raw);
    if (!parsed.success) {
      const msg = zodIssues(parsed.error)
        .map((i) => `${i.path || "row"}: ${i.message}`)
        .join("; ");
      results[index] = { index, email, status: "error", error: { id: "validation_failed", message: msg } };
      return;
    }
    const first = seen.get(parsed.data.email);
    if (first !== undefined) {
      results[index] = {
        index,
        email: parsed.data.email,
        status: "error",
        error: { id: "conflict", message: `Duplicate of row ${first} in this import.` },
      };
      return;
    }
    seen.set(parsed.data.email, index);
    valid.push({ index, row: parsed.data });
    results[index] = { index, email: parsed.data.email, status: "valid" };
  });
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

// One chunk in flight per process, whatever the number of concurrent imports: Kratos hashes a chunk's passwords
// on its own CPUs, and sign-ins need a share of them.
let gate: Promise<unknown> = Promise.resolve();
function oneChunkAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = gate.then(fn, fn);
  gate = run.catch(() => undefined);
  return run;
}

function* chunks(rows: { index: number; row: ImportRow }[]) {
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

async function sendChunk(
  chunk: { index: number; row: ImportRow }[],
  results: ImportResult[],
  startedAt: Date,
): Promise<void> {
  const items: BatchItem[] = chunk.map(({ row }) => ({
    patchId: randomUUID(),
    create: {
      schema_id: env().KRATOS_IDENTITY_SCHEMA_ID,
      traits: traitsFor(row.email, row.name),
      state: row.state,
      credentials: credentialsFor(row),
    },
  }));
  try {
    const out = await batchCreateIdentities(items);
    out.forEach((r, i) => {
      const { index, row } = chunk[i]!;
      results[index] = r.ok
        ? { index, email: row.email, status: "created", id: r.identityId }
        : {
            index,
            email: row.email,
            status: "error",
            error: {
              id: r.code === 409 ? "conflict" : "invalid_request",
              message: r.code === 409 ? "A user with this email already exists." : r.message,
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
    for (const { index, row } of chunk) {
      const found = timedOut ? await findIdentityByEmail(row.email).catch(() => null) : null;
      const ours = !!found?.created_at && new Date(found.created_at) >= startedAt;
      results[index] =
        found && ours
          ? { index, email: row.email, status: "created", id: found.id }
          : found
            ? {
                index,
                email: row.email,
                status: "error",
                error: { id: "conflict", message: "A user with this email already existed before this import." },
              }
            : {
                index,
                email: row.email,
                status: "error",
                error: { id: err instanceof ApiError ? err.id : "upstream_error", message },
              };
    }
  }
}
