import { useId } from "react";
import { TraitTree } from "@/components/schemas/trait-tree";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import type { IdentitySchemaInfo } from "@/lib/schemas/identity-schema";
import { formatNumber } from "@/lib/utils";

function Addresses({ items }: { items: { path: string; via: string }[] }) {
  if (!items.length) return <span className="text-gray-600 dark:text-gray-400">None</span>;
  return (
    <ul className="space-y-0.5">
      {items.map((a) => (
        <li key={`${a.path}-${a.via}`}>
          <code className="font-mono text-xs">{a.path}</code> via {a.via}
        </li>
      ))}
    </ul>
  );
}

/** One identity schema: what signs a user in, the verified and recovery addresses, the traits and the raw JSON. */
export function SchemaCard({ schema: s }: { schema: IdentitySchemaInfo }) {
  const titleId = useId();
  const raw = JSON.stringify(s.schema, null, 2);
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={titleId} className="text-base font-semibold text-gray-900 dark:text-gray-100">
              {s.title}
            </h2>
            {s.is_default && <Badge tone="indigo">default</Badge>}
          </div>
          <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
            ID <code className="font-mono text-xs text-gray-900 dark:text-gray-100">{s.id}</code>
          </p>
        </div>
        <div className="text-right">
          <p className="text-2xl font-semibold text-gray-900 tabular-nums dark:text-gray-100">
            {s.users === null ? "—" : formatNumber(s.users)}
          </p>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            {s.users === null ? "Users: counting in the background, shown shortly" : s.users === 1 ? "user" : "users"}
          </p>
        </div>
      </div>

      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-gray-700 dark:text-gray-300">Sign-in identifiers</dt>
        <dd>
          {s.identifiers.length ? (
            <ul className="space-y-0.5">
              {s.identifiers.map((i) => (
                <li key={i.path} className="flex flex-wrap items-center gap-2">
                  <Badge tone="blue">{i.kind}</Badge>
                  <code className="font-mono text-xs">{i.path}</code>
                  <span className="text-gray-600 dark:text-gray-400">
                    {i.title} · {i.credentials.join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-gray-600 dark:text-gray-400">
              None: users of this schema cannot sign in with a password.
            </span>
          )}
        </dd>
        <dt className="font-medium text-gray-700 dark:text-gray-300">Verification</dt>
        <dd>
          <Addresses items={s.verification} />
        </dd>
        <dt className="font-medium text-gray-700 dark:text-gray-300">Recovery</dt>
        <dd>
          <Addresses items={s.recovery} />
        </dd>
        <dt className="font-medium text-gray-700 dark:text-gray-300">Display name</dt>
        <dd>
          {s.name_from.length ? (
            s.name_from.map((p, i) => (
              <span key={p}>
                {i > 0 && " + "}
                <code className="font-mono text-xs">{p}</code>
              </span>
            ))
          ) : (
            <span className="text-gray-600 dark:text-gray-400">The first identifier</span>
          )}
        </dd>
      </dl>

      <h3 className="mt-4 mb-2 text-sm font-semibold text-gray-900 dark:text-gray-100">Traits</h3>
      <TraitTree fields={s.fields} label={`Traits of ${s.title}`} />

      <details className="mt-4 text-sm">
        <summary className="cursor-pointer font-medium">Raw JSON Schema</summary>
        <div className="mt-2 space-y-2">
          <CopyButton value={raw} label="Copy JSON" />
          <pre
            tabIndex={0}
            aria-label={`JSON Schema of ${s.title}`}
            className="max-h-96 overflow-auto rounded bg-gray-50 p-3 text-xs dark:bg-gray-950"
          >
            {raw}
          </pre>
        </div>
      </details>
    </section>
  );
}
