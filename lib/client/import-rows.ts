import { parseCsv } from "@/lib/client/csv";
import { ApiClientError } from "@/lib/client/fetcher";
import { importUsers } from "@/lib/client/queries/users";
import { flattenTraits } from "@/lib/identity-schema";
import type { ImportResult } from "@/lib/schemas/import";

/** Keys the import sets (lib/schemas/import.ts), besides `traits.<path>` columns which the server folds into traits. */
export const IMPORT_FIELDS = [
  "schema_id",
  "traits",
  "email",
  "password",
  "password_hash",
  "name",
  "state",
  "providers",
] as const;
/**
 * What an export (or Kratos's own identity JSON) carries that an import cannot set: Kratos assigns or derives it.
 * Dropped before sending (the server's row schema refuses unknown keys) and listed apart from unknown columns, so
 * an exported file imports as it is.
 */
export const READ_ONLY_FIELDS = [
  "id",
  "display_name",
  "identifiers",
  "is_admin",
  "created_at",
  "updated_at",
  "state_changed_at",
  "last_session_at",
  "last_sign_in_at",
  "credential_types",
  "metadata_public",
  "metadata_admin",
  "verifiable_addresses",
  "recovery_addresses",
  "schema_url",
  "organization_id",
] as const;
export const IMPORT_CHUNK = 100;

export interface ParsedImport {
  rows: Record<string, unknown>[];
  /** Columns nobody knows: a typo, or data from another system. */
  ignoredColumns: string[];
  /** Read-only columns of an export (id, created_at…), skipped on purpose. */
  readOnlyColumns: string[];
}

const TRAITS = "traits.";
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const includes = (list: readonly string[], k: string) => list.includes(k);

/** CSV header → key: `traits.` paths keep their case (trait names are case-sensitive), other names are lower-cased. */
function headerKey(h: string): string {
  const t = h.trim();
  return t.toLowerCase().startsWith(TRAITS) ? TRAITS + t.slice(TRAITS.length) : t.toLowerCase();
}

// lib/client/csv.ts writes `'+1201…` for cells that a spreadsheet would run as a formula; reading undoes it.
const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

function csvRows(text: string): Record<string, unknown>[] {
  const [header, ...lines] = parseCsv(text);
  if (!header) return [];
  const keys = header.map(headerKey);
  return lines.map((cells) => {
    const o: Record<string, unknown> = {};
    keys.forEach((k, i) => {
      let v = cells[i]?.trim() ?? "";
      if (!k || !v) return;
      if (k.startsWith(TRAITS) || k === "schema_id") v = unguard(v);
      // A `traits` column may hold the whole object as JSON text.
      if (k === "traits" && v.startsWith("{"))
        try {
          o[k] = JSON.parse(v) as unknown;
          return;
        } catch {
          // sent as text: the server says what is wrong with it
        }
      o[k] = v;
    });
    return o;
  });
}

/**
 * Reads pasted or uploaded text: a JSON array (or {users:[…]}), otherwise CSV with a header row. JSON rows keep
 * their `traits` object as it is; CSV rows keep `traits.<path>` columns flat (the server folds and types them by
 * the row's schema). Empty cells and null values mean "not given".
 */
export function parseImport(text: string): ParsedImport {
  const trimmed = text.trim();
  if (!trimmed) throw new Error("Paste CSV or JSON, or choose a file.");
  let raw: Record<string, unknown>[];
  const isJson = trimmed.startsWith("[") || trimmed.startsWith("{");
  if (isJson) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      throw new Error("This looks like JSON but does not parse.");
    }
    const list = Array.isArray(data) ? data : (data as { users?: unknown }).users;
    if (!Array.isArray(list)) throw new Error('JSON must be an array of users or {"users": [...]}.');
    raw = list.map((u) => (isObj(u) ? u : {}));
  } else {
    raw = csvRows(trimmed);
    if (raw.length === 0) throw new Error("The CSV has a header row but no users.");
  }
  const ignored = new Set<string>();
  const readOnly = new Set<string>();
  const rows = raw.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      // Social links import from JSON ([{provider, subject}]); the CSV export's provider names are for reading.
      const known =
        (includes(IMPORT_FIELDS, k) && !(k === "providers" && !Array.isArray(v))) ||
        (k.startsWith(TRAITS) && k.length > TRAITS.length);
      if (!known) (includes(READ_ONLY_FIELDS, k) || k === "providers" ? readOnly : ignored).add(k);
      else if (v !== null && v !== undefined && v !== "") out[k] = v;
    }
    return out;
  });
  return { rows, ignoredColumns: [...ignored], readOnlyColumns: [...readOnly] };
}

/** A row's likely sign-in identifier, for the report when the server could not read the row. */
export function rowIdentifier(row: Record<string, unknown> | undefined): string | null {
  if (!row) return null;
  const flat: Record<string, unknown> = { ...flattenTraits(row.traits, "traits") };
  for (const [k, v] of Object.entries(row)) if (k.startsWith(TRAITS)) flat[k] = v;
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  for (const k of ["email", "traits.email", "traits.username", "traits.phone"]) {
    const v = str(k === "email" ? row.email : flat[k]);
    if (v) return v;
  }
  for (const v of Object.values(flat)) if (str(v)) return str(v);
  return null;
}

const FIRST_CHUNK = 10;
const TARGET_MS = 800; // each chunk should answer within about this, so the bar moves at least once a second

/**
 * The next chunk's size from how long the last one took per row: about TARGET_MS of work (hashing plaintext passwords
 * is ~0.1–0.3 s a row on 2 cores; a dry run is milliseconds), between 1 and IMPORT_CHUNK rows.
 */
export function nextChunkSize(msPerRow: number): number {
  if (!Number.isFinite(msPerRow) || msPerRow <= 0) return IMPORT_CHUNK;
  return Math.max(1, Math.min(IMPORT_CHUNK, Math.floor(TARGET_MS / msPerRow)));
}

/**
 * Sends rows in chunks sized so each answers within about a second (at most 100; server limit 500) and merges the
 * answers, re-indexing each result to its row in the original file. A chunk that fails as a whole marks each of its
 * rows as failed.
 */
export async function runImport(
  rows: Record<string, unknown>[],
  dryRun: boolean,
  onProgress: (done: number, results: ImportResult[]) => void,
): Promise<ImportResult[]> {
  const all: ImportResult[] = [];
  let size = FIRST_CHUNK;
  for (let offset = 0; offset < rows.length;) {
    const chunk = rows.slice(offset, offset + size);
    const started = performance.now();
    try {
      const res = await importUsers(chunk, dryRun);
      size = nextChunkSize((performance.now() - started) / chunk.length);
      all.push(...res.results.map((r) => ({ ...r, index: r.index + offset })));
    } catch (err) {
      const message = err instanceof Error ? err.message : "Request failed.";
      const id = err instanceof ApiClientError ? err.id : "upstream_unavailable";
      all.push(
        ...chunk.map((r, i) => ({
          index: offset + i,
          email: typeof r.email === "string" ? r.email : null,
          identifier: rowIdentifier(r),
          status: "error" as const,
          error: { id, message },
        })),
      );
    }
    all.sort((a, b) => a.index - b.index);
    offset += chunk.length;
    onProgress(offset, [...all]);
  }
  return all;
}
