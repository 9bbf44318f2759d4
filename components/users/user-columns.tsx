import Link from "next/link";
import { Badge, StateBadge } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import type { UsersSort } from "@/components/users/users-url";
import { flatFields, getPath } from "@/lib/identity-schema";
import { formatTraitValue, otherIdentifiers, userLabel } from "@/lib/client/user-display";
import type { Identity } from "@/lib/schemas/identity";
import type { IdentitySchemaInfo } from "@/lib/schemas/identity-schema";
import { cn, formatDate } from "@/lib/utils";

/** The column that names the user: always shown, never hidden by the chooser. */
export const USER_COLUMN = "user";
/** Trait columns are `traits.<path>`, e.g. `traits.name.first`. */
export const TRAIT_PREFIX = "traits.";
export const DEFAULT_COLUMNS = [USER_COLUMN, "email", "schema", "state", "created", "providers", "last_sign_in"];

/** A users table column; `sort` makes its header a sort button (the list API's `sort` value). */
export interface UserColumn extends Column<Identity> {
  sort?: UsersSort;
}

/** Emails and identifiers never break mid-word: one line, cut with an ellipsis, the whole value in the tooltip. */
const oneLine = "block max-w-64 truncate";

const none = <span className="text-gray-600 dark:text-gray-400">—</span>;

export interface ColumnOption {
  id: string;
  header: string;
  /** Shown next to the label in the chooser (the trait path). */
  hint?: string;
  group: "Account" | "Traits";
}

/** The display name, linking to the user; below it the other identifiers (the email too, unless it has a column). */
function userColumn(emailColumn: boolean): UserColumn {
  return {
    id: USER_COLUMN,
    header: "Name",
    sort: "name",
    cell: (u) => {
      const others = otherIdentifiers(u).filter((v) => !emailColumn || v !== u.email);
      return (
        <div className="min-w-0">
          <Link
            href={`/users/${u.id}`}
            title={userLabel(u)}
            className={cn(oneLine, "font-medium text-indigo-700 hover:underline dark:text-indigo-300")}
          >
            {userLabel(u)}
          </Link>
          {others.length > 0 && (
            <div className={cn(oneLine, "text-xs text-gray-600 dark:text-gray-400")} title={others.join(" · ")}>
              {others.join(" · ")}
            </div>
          )}
        </div>
      );
    },
  };
}

const EMAIL_COLUMN: UserColumn = {
  id: "email",
  header: "Email",
  sort: "email",
  cell: (u) =>
    u.email ? (
      <span className={oneLine} title={u.email}>
        {u.email}
      </span>
    ) : (
      none
    ),
};

const ACCOUNT_COLUMNS: UserColumn[] = [
  {
    id: "state",
    header: "State",
    cell: (u) => (
      <span className="flex gap-1">
        <StateBadge state={u.state} />
        {u.is_admin && <Badge tone="indigo">Admin</Badge>}
      </span>
    ),
  },
  {
    id: "created",
    header: "Created",
    sort: "created",
    cell: (u) => <span className="whitespace-nowrap">{formatDate(u.created_at)}</span>,
  },
  {
    id: "providers",
    header: "Providers",
    cell: (u) =>
      u.providers.length === 0 ? (
        none
      ) : (
        <span className="flex flex-wrap gap-1">
          {[...new Set(u.providers.map((p) => p.provider))].map((p) => (
            <Badge key={p} tone="blue">
              {p}
            </Badge>
          ))}
        </span>
      ),
  },
  {
    id: "last_sign_in",
    header: "Last sign-in",
    sort: "last_sign_in",
    cell: (u) =>
      u.last_sign_in_at ? <span className="whitespace-nowrap">{formatDate(u.last_sign_in_at)}</span> : none,
  },
  { id: "id", header: "ID", cell: (u) => <code className="text-xs">{u.id}</code> },
  {
    id: "updated",
    header: "Updated",
    cell: (u) => <span className="whitespace-nowrap">{formatDate(u.updated_at)}</span>,
  },
];

/** Every leaf trait of every schema (objects are not columns; arrays are), once per path, in schema order. */
export function traitOptions(schemas: IdentitySchemaInfo[]): ColumnOption[] {
  const seen = new Map<string, ColumnOption>();
  for (const s of schemas)
    for (const f of flatFields(s.fields))
      if (f.type !== "object" && !seen.has(f.path))
        seen.set(f.path, { id: TRAIT_PREFIX + f.path, header: f.title, hint: f.path, group: "Traits" });
  return [...seen.values()];
}

function traitColumn(o: ColumnOption): UserColumn {
  const path = o.id.slice(TRAIT_PREFIX.length);
  return {
    id: o.id,
    header: o.header,
    cell: (u) => {
      const text = formatTraitValue(getPath(u.traits, path));
      return text ? <span className="break-words">{text}</span> : none;
    },
  };
}

/**
 * The columns the table can show, in display order: the user, the email, the schema (only when Kratos has several),
 * the chosen traits, then the account columns. `options` lists what the chooser offers (the user column is locked).
 * `emailColumn`: the Email column is shown, so the user column need not repeat the address.
 */
export function userColumns(
  schemas: IdentitySchemaInfo[],
  emailColumn = false,
): { columns: UserColumn[]; options: ColumnOption[] } {
  const titles = new Map(schemas.map((s) => [s.id, s.title]));
  const schemaColumn: UserColumn[] =
    schemas.length > 1
      ? [
          {
            id: "schema",
            header: "Schema",
            cell: (u) => <span title={u.schema_id}>{titles.get(u.schema_id) ?? u.schema_id}</span>,
          },
        ]
      : [];
  const traits = traitOptions(schemas);
  const columns = [
    userColumn(emailColumn),
    EMAIL_COLUMN,
    ...schemaColumn,
    ...traits.map(traitColumn),
    ...ACCOUNT_COLUMNS,
  ];
  const options: ColumnOption[] = columns
    .filter((c) => !c.id.startsWith(TRAIT_PREFIX))
    .map((c) => ({ id: c.id, header: c.header, group: "Account" as const }));
  return { columns, options: [...options, ...traits] };
}
