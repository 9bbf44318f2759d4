import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { openApiOperationSchema, type OpenApiDoc, type OpenApiOperation } from "@/lib/schemas/openapi-doc";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const TONE: Record<(typeof METHODS)[number], BadgeTone> = {
  get: "blue",
  post: "green",
  put: "amber",
  patch: "amber",
  delete: "red",
};

interface Op {
  method: (typeof METHODS)[number];
  path: string;
  op: OpenApiOperation;
}

/** Replaces local "#/components/..." references so the reader sees the real shape (depth-limited). */
function resolve(doc: OpenApiDoc, value: unknown, depth = 0): unknown {
  if (depth > 6 || !value || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => resolve(doc, v, depth + 1));
  const obj = value as Record<string, unknown>;
  if (typeof obj.$ref === "string" && obj.$ref.startsWith("#/")) {
    const target = obj.$ref
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (acc, k) => (acc && typeof acc === "object" ? (acc as Record<string, unknown>)[k] : undefined),
        doc,
      );
    return target ? resolve(doc, target, depth + 1) : obj;
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolve(doc, v, depth + 1)]));
}

function group(doc: OpenApiDoc): Map<string, Op[]> {
  const tags = new Map<string, Op[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const parsed = openApiOperationSchema.safeParse(item[method]);
      if (!parsed.success) continue;
      const tag = parsed.data.tags?.[0] ?? "Other";
      tags.set(tag, [...(tags.get(tag) ?? []), { method, path, op: parsed.data }]);
    }
  }
  return tags;
}

function Operation({ doc, o }: { doc: OpenApiDoc; o: Op }) {
  const body = o.op.requestBody?.content?.["application/json"]?.schema;
  const params = (o.op.parameters ?? []).map(
    (p) => resolve(doc, p) as NonNullable<OpenApiOperation["parameters"]>[number],
  );
  return (
    <details className="group rounded-md border border-gray-200 dark:border-gray-800">
      <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2">
        <Badge tone={TONE[o.method]} className="w-16 justify-center uppercase">
          {o.method}
        </Badge>
        <code className="text-sm break-all">{o.path}</code>
        <span className="text-sm text-gray-600 dark:text-gray-400">{o.op.summary}</span>
      </summary>
      <div className="space-y-3 border-t border-gray-200 px-3 py-3 text-sm dark:border-gray-800">
        {o.op.description && <p className="text-gray-700 dark:text-gray-300">{o.op.description}</p>}
        {params.length > 0 && (
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Parameters</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Parameter
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  In
                </th>
                <th scope="col" className="py-1 font-medium">
                  Description
                </th>
              </tr>
            </thead>
            <tbody>
              {params.map((p, i) => (
                <tr key={`${p.name ?? i}-${p.in ?? ""}`}>
                  <td className="py-1 pr-3">
                    <code>{p.name}</code>
                    {p.required && <span className="ml-1 text-red-800 dark:text-red-300">required</span>}
                  </td>
                  <td className="py-1 pr-3">{p.in}</td>
                  <td className="py-1 text-gray-700 dark:text-gray-300">
                    {p.description ?? (p.schema ? JSON.stringify(p.schema) : "")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {body && (
          <div>
            <p className="font-medium">Request body (application/json)</p>
            <pre className="mt-1 max-h-80 overflow-auto rounded bg-gray-50 p-3 text-xs dark:bg-gray-950">
              {JSON.stringify(resolve(doc, body), null, 2)}
            </pre>
          </div>
        )}
        {o.op.responses && (
          <p className="text-gray-700 dark:text-gray-300">
            Responses:{" "}
            {Object.entries(o.op.responses)
              .map(([code, r]) => `${code}${r.description ? ` ${r.description}` : ""}`)
              .join(" · ")}
          </p>
        )}
      </div>
    </details>
  );
}

/** Server-rendered reference of the /v1 OpenAPI document, grouped by tag. */
export function ApiReference({ doc }: { doc: OpenApiDoc }) {
  const groups = group(doc);
  return (
    <div className="space-y-4">
      {doc.info?.description && (
        <p className="max-w-prose text-sm text-gray-700 dark:text-gray-300">{doc.info.description}</p>
      )}
      <nav aria-label="API sections" className="flex flex-wrap gap-2 text-sm">
        {[...groups.keys()].map((t) => (
          <a
            key={t}
            href={`#tag-${t.replace(/\W+/g, "-")}`}
            className="rounded-full border border-gray-300 px-3 py-1 hover:bg-gray-100 dark:border-gray-700 dark:hover:bg-gray-800"
          >
            {t}
          </a>
        ))}
      </nav>
      {[...groups].map(([tag, ops]) => (
        <Card key={tag} title={tag}>
          <div id={`tag-${tag.replace(/\W+/g, "-")}`} className="space-y-2">
            {ops.map((o) => (
              <Operation key={`${o.method} ${o.path}`} doc={doc} o={o} />
            ))}
          </div>
        </Card>
      ))}
    </div>
  );
}
