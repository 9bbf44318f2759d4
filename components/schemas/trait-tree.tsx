import { Badge } from "@/components/ui/badge";
import type { TraitField } from "@/lib/identity-schema";

function typeLabel(f: TraitField): string {
  if (f.type === "array") return f.items ? `list of ${f.items}` : "list";
  return f.format ? `${f.type} (${f.format})` : f.type;
}

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** The traits of a schema as a nested list: path, title, type and format, required, allowed values. */
export function TraitTree({ fields, label }: { fields: TraitField[]; label: string }) {
  if (!fields.length) return <p className="text-sm text-gray-600 dark:text-gray-400">This schema has no traits.</p>;
  return (
    <ul aria-label={label} className="space-y-1 text-sm">
      {fields.map((f) => (
        <TraitNode key={f.path} field={f} />
      ))}
    </ul>
  );
}

function TraitNode({ field: f }: { field: TraitField }) {
  return (
    <li>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <code className="font-mono text-xs font-semibold text-gray-900 dark:text-gray-100">{f.path}</code>
        <span className="text-gray-800 dark:text-gray-200">{f.title}</span>
        <span className="text-xs text-gray-600 dark:text-gray-400">{typeLabel(f)}</span>
        {f.required && <Badge tone="amber">required</Badge>}
        {f.enum && (
          <span className="text-xs text-gray-600 dark:text-gray-400">
            one of: <span className="text-gray-800 dark:text-gray-200">{f.enum.map(show).join(", ")}</span>
          </span>
        )}
      </div>
      {f.children && f.children.length > 0 && (
        <ul className="mt-1 space-y-1 border-l border-gray-200 pl-4 dark:border-gray-700">
          {f.children.map((c) => (
            <TraitNode key={c.path} field={c} />
          ))}
        </ul>
      )}
    </li>
  );
}
