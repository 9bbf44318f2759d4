// `npm run migrate:kratos -- --from-admin http://127.0.0.1:4434 --to-admin http://kratos-admin:4434 [--to-token …]`
// Copies every identity (traits, state, metadata, addresses, external_id, password hash, OIDC links) from one
// Kratos admin API (e.g. the embedded one) to another through the batch import. Safe to re-run: identities
// that already exist on the target are reported as "exists". Kratos assigns new ids; the report maps them.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Configuration, IdentityApi, type CreateIdentityBody, type Identity } from "@ory/client";

export interface MigrateOptions {
  fromAdmin: string;
  toAdmin: string;
  fromToken?: string;
  toToken?: string;
  chunkSize?: number; // ≤ 1000: Kratos's batch limit for hashed passwords (plaintext would be 200)
  pageSize?: number; // ≤ 500: Kratos clamps list pages there
  timeoutMs?: number;
  onResult?: (r: ItemResult) => void;
}
export interface ItemResult {
  source_id: string;
  status: "created" | "exists" | "failed";
  target_id?: string;
  error?: string;
}
export interface Summary {
  total: number;
  created: number;
  exists: number;
  failed: number;
  results: ItemResult[];
}

const api = (basePath: string, token: string | undefined, timeout: number) =>
  new IdentityApi(
    new Configuration({ basePath: basePath.replace(/\/+$/, ""), accessToken: token, baseOptions: { timeout } }),
  );

/** The Kratos import body for one listed identity (credentials must have been included in the list). */
export function toImport(i: Identity): CreateIdentityBody {
  const body: CreateIdentityBody = {
    schema_id: i.schema_id,
    traits: i.traits as object,
    state: i.state === "inactive" ? "inactive" : "active",
  };
  if (i.metadata_public != null) body.metadata_public = i.metadata_public;
  if (i.metadata_admin != null) body.metadata_admin = i.metadata_admin;
  if (i.external_id) body.external_id = i.external_id;
  if (i.verifiable_addresses?.length)
    body.verifiable_addresses = i.verifiable_addresses.map(({ value, via, verified, status }) => ({
      value,
      via,
      verified,
      status,
    }));
  if (i.recovery_addresses?.length)
    body.recovery_addresses = i.recovery_addresses.map(({ value, via }) => ({ value, via }));
  const hash = (i.credentials?.password?.config as { hashed_password?: string } | undefined)?.hashed_password;
  const oidc = i.credentials?.oidc;
  const configured = (oidc?.config as { providers?: { provider: string; subject: string }[] } | undefined)?.providers;
  // Identifiers are "<provider>:<subject>" when the config (decrypted tokens) is not returned.
  const providers =
    configured?.map(({ provider, subject }) => ({ provider, subject })) ??
    (oidc?.identifiers ?? []).map((id) => ({
      provider: id.slice(0, id.indexOf(":")),
      subject: id.slice(id.indexOf(":") + 1),
    }));
  if (hash || providers.length) {
    body.credentials = {};
    if (hash) body.credentials.password = { config: { hashed_password: hash } };
    if (providers.length) body.credentials.oidc = { config: { providers } };
  }
  return body;
}

const nextToken = (link: unknown) =>
  typeof link === "string" ? /<[^>]*[?&]page_token=([^&>]+)[^>]*>;\s*rel="next"/.exec(link)?.[1] : undefined;
const describe = (e: unknown) => {
  const err = e as { code?: number; status?: string; message?: string; reason?: string } | undefined;
  return [err?.status ?? err?.code, err?.message, err?.reason].filter(Boolean).join(": ") || "unknown error";
};
// @ory/client rejects with an axios error; read it structurally rather than importing axios.
const httpError = (e: unknown) => (e as { response?: { status?: number; data?: unknown } } | undefined)?.response;
const isConflict = (e: unknown) => (e as { code?: number } | undefined)?.code === 409;

export async function migrateIdentities(o: MigrateOptions): Promise<Summary> {
  const timeout = o.timeoutMs ?? 60_000;
  const source = api(o.fromAdmin, o.fromToken, timeout);
  const target = api(o.toAdmin, o.toToken, timeout);
  const chunkSize = Math.min(Math.max(o.chunkSize ?? 1000, 1), 1000);
  const summary: Summary = { total: 0, created: 0, exists: 0, failed: 0, results: [] };
  const record = (r: ItemResult) => {
    summary.results.push(r);
    summary[r.status]++;
    o.onResult?.(r);
  };
  const pending: Identity[] = [];

  // Never retried blindly (the first attempt may have landed); a re-run reports those as "exists".
  const flush = async (chunk: Identity[]): Promise<void> => {
    if (!chunk.length) return;
    const patches = chunk.map((i) => ({ patch_id: randomUUID(), create: toImport(i) }));
    let items: { patch_id?: string; action?: string; identity?: string; error?: unknown }[] = [];
    try {
      items =
        (await target.batchPatchIdentities({ patchIdentitiesBody: { identities: patches } })).data.identities ?? [];
    } catch (e) {
      const data = httpError(e)?.data as { identities?: typeof items; error?: unknown } | undefined;
      // Real Kratos refuses the whole batch with a 400 (and writes nothing) when one item cannot be imported at
      // all, e.g. a password hash in a format it does not know; a proxy in front (deploy/'s nginx: 4 MB) answers
      // 413 for a body too large. Halve and resend: the bad rows end up alone, each with the reason, and every
      // other row still moves.
      if (!data?.identities && (httpError(e)?.status === 400 || httpError(e)?.status === 413) && chunk.length > 1) {
        const mid = Math.ceil(chunk.length / 2);
        await flush(chunk.slice(0, mid));
        await flush(chunk.slice(mid));
        return;
      }
      if (!data?.identities) {
        const status = httpError(e)?.status === 409 ? "exists" : "failed";
        for (const i of chunk)
          record({ source_id: i.id, status, error: status === "failed" ? describe(data?.error ?? e) : undefined });
        return;
      }
      items = data.identities; // Kratos versions that answer 4xx when every item failed still list them
    }
    const byPatch = new Map(items.map((it) => [it.patch_id, it]));
    chunk.forEach((i, n) => {
      const it = byPatch.get(patches[n]!.patch_id);
      if (it?.action === "create" && it.identity)
        record({ source_id: i.id, status: "created", target_id: it.identity });
      else if (isConflict(it?.error)) record({ source_id: i.id, status: "exists" });
      else record({ source_id: i.id, status: "failed", error: describe(it?.error) });
    });
  };

  let pageToken: string | undefined;
  for (let page = 0; page < 100_000; page++) {
    const res = await source.listIdentities({
      pageSize: Math.min(o.pageSize ?? 500, 500),
      pageToken,
      includeCredential: ["password", "oidc"],
    });
    summary.total += res.data.length;
    pending.push(...res.data);
    while (pending.length >= chunkSize) await flush(pending.splice(0, chunkSize));
    pageToken = nextToken((res.headers as Record<string, unknown>).link);
    if (!pageToken || res.data.length === 0) break;
  }
  await flush(pending);
  return summary;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "from-admin": { type: "string" },
      "to-admin": { type: "string" },
      "from-token": { type: "string" },
      "to-token": { type: "string" },
      chunk: { type: "string" },
      "timeout-ms": { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (!values["from-admin"] || !values["to-admin"]) {
    console.error(
      "usage: npm run migrate:kratos -- --from-admin URL --to-admin URL [--from-token T] [--to-token T] [--chunk 1000] [--timeout-ms 60000] [--json]",
    );
    process.exit(2);
  }
  const summary = await migrateIdentities({
    fromAdmin: values["from-admin"],
    toAdmin: values["to-admin"],
    fromToken: values["from-token"],
    toToken: values["to-token"] ?? process.env.KRATOS_ADMIN_TOKEN,
    chunkSize: values.chunk ? Number(values.chunk) : undefined,
    timeoutMs: values["timeout-ms"] ? Number(values["timeout-ms"]) : undefined,
    onResult: values.json
      ? undefined
      : (r) => console.log([r.source_id, r.status, r.target_id ?? "", r.error ?? ""].join("\t").trimEnd()),
  });
  if (values.json) console.log(JSON.stringify(summary));
  console.error(
    `total ${summary.total}: created ${summary.created}, exists ${summary.exists}, failed ${summary.failed}`,
  );
  process.exitCode = summary.failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(
      httpError(e) ? `Kratos request failed: HTTP ${httpError(e)?.status ?? "?"}` : e instanceof Error ? e.message : e,
    );
    process.exit(1);
  });
}
