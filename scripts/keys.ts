// `npm run keys -- create --type service_role --label ci` | `list` | `revoke ID`: API keys from the command line.
import { parseArgs } from "node:util";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/server/services/api-keys";
import { recordAudit } from "@/lib/server/services/audit";
import { ApiError } from "@/lib/server/http/errors";
import { closeStores } from "@/lib/server/store";
import { createApiKeyBodySchema } from "@/lib/schemas/api-key";

const cli = { type: "system" as const, id: null, label: "keys CLI" };
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    type: { type: "string", default: "service_role" },
    label: { type: "string" },
    "rate-limit": { type: "string" },
    json: { type: "boolean" },
  },
});
const [command, arg] = positionals;

function usage(): never {
  console.error(
    "usage: npm run keys -- create --type service_role|anon --label NAME [--rate-limit N]\n       npm run keys -- list\n       npm run keys -- revoke ID",
  );
  process.exit(2);
}

try {
  if (command === "create") {
    const body = createApiKeyBodySchema.parse({
      key_type: values.type,
      label: values.label ?? "cli",
      ...(values["rate-limit"] ? { rate_limit: Number(values["rate-limit"]) } : {}),
    });
    const created = await createApiKey(body, null);
    await recordAudit({
      actor: cli,
      action: "api_key.create",
      target: created.key.id,
      outcome: "success",
      details: { key_type: body.keyType, label: body.label },
    });
    if (values.json) console.log(JSON.stringify(created));
    else {
      console.error(
        `Created ${created.key.key_type} key ${created.key.id} (${created.key.label}). Store the secret now: it is not shown again.`,
      );
      console.log(created.secret);
    }
  } else if (command === "list") {
    const keys = await listApiKeys();
    if (values.json) console.log(JSON.stringify(keys));
    else
      for (const k of keys)
        console.log(
          [
            k.id,
            k.key_type.padEnd(12),
            k.key_prefix,
            k.label,
            k.revoked_at ? `revoked ${k.revoked_at}` : "active",
            `last used ${k.last_used_at ?? "never"}`,
          ].join("  "),
        );
  } else if (command === "revoke" && arg) {
    const k = await revokeApiKey(arg, null);
    await recordAudit({ actor: cli, action: "api_key.revoke", target: k.id, outcome: "success" });
    console.log(`Revoked ${k.id} (${k.label}).`);
  } else usage();
} catch (err) {
  console.error(err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await closeStores(); // a Postgres pool would otherwise keep the process alive
}
