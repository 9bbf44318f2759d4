import { csvToObjects } from "@/lib/client/csv";
import { ApiClientError } from "@/lib/client/fetcher";
import { importUsers } from "@/lib/client/queries/users";
import type { ImportResult } from "@/lib/schemas/import";

export const IMPORT_FIELDS = ["email", "password", "password_hash", "name", "state"] as const;
export const IMPORT_CHUNK = 100;

export interface ParsedImport {
  rows: Record<string, unknown>[];
  ignoredColumns: string[];
}

/** Reads pasted or uploaded text: a JSON array (or {users:[…]}), otherwise CSV with a header row. */
export function parseImport(text: string): ParsedImport {
  const trimmed = text.trim();
  if (!trimmed) throw new Error("Paste CSV or JSON, or choose a file.");
  let raw: Record<string, unknown>[];
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      throw new Error("This looks like JSON but does not parse.");
    }
    const list = Array.isArray(data) ? data : (data as { users?: unknown }).users;
    if (!Array.isArray(list)) throw new Error('JSON must be an array of users or {"users": [...]}.');
    raw = list.map((u) => (u && typeof u === "object" && !Array.isArray(u) ? (u as Record<string, unknown>) : {}));
  } else {
    raw = csvToObjects(trimmed);
    if (raw.length === 0) throw new Error("The CSV has a header row but no users.");
  }
  const ignored = new Set<string>();
  const rows = raw.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      if ((IMPORT_FIELDS as readonly string[]).includes(k)) out[k] = v;
      else ignored.add(k);
    }
    return out;
  });
  return { rows, ignoredColumns: [...ignored] };
}

/**
 * Sends rows in chunks of 100 (server limit 500) and merges the answers, re-indexing each result to
 * its row in the original file. A chunk that fails as a whole marks each of its rows as failed.
 */
export async function runImport(
  rows: Record<string, unknown>[],
  dryRun: boolean,
  onProgress: (done: number, results: ImportResult[]) => void,
): Promise<ImportResult[]> {
  const all: ImportResult[] = [];
  for (let offset = 0; offset < rows.length; offset += IMPORT_CHUNK) {
    const chunk = rows.slice(offset, offset + IMPORT_CHUNK);
    try {
      const res = await importUsers(chunk, dryRun);
      all.push(...res.results.map((r) => ({ ...r, index: r.index + offset })));
    } catch (err) {
      const message = err instanceof Error ? err.message : "Request failed.";
      const id = err instanceof ApiClientError ? err.id : "upstream_unavailable";
      all.push(
        ...chunk.map((r, i) => ({
          index: offset + i,
          email: typeof r.email === "string" ? r.email : null,
          identifier: typeof r.email === "string" ? r.email : null,
          status: "error" as const,
          error: { id, message },
        })),
      );
    }
    all.sort((a, b) => a.index - b.index);
    onProgress(Math.min(rows.length, offset + chunk.length), [...all]);
  }
  return all;
}
