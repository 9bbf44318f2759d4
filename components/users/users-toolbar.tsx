"use client";

import { useEffect, useState } from "react";
import type { UsersUrlState } from "@/components/users/users-url";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { IdentityState } from "@/lib/schemas/identity";

export type UserFilters = Pick<UsersUrlState, "q" | "state" | "provider" | "schema_id" | "admin" | "verified">;

export interface UsersToolbarProps {
  filters: UserFilters;
  providers: string[];
  /** Kratos's identity schemas: the schema filter shows only when there are several. */
  schemas: { id: string; title: string }[];
  onChange: (patch: Partial<UserFilters>) => void;
}

const toBool = (v: string) => (v === "" ? undefined : v === "true");
const fromBool = (v: boolean | undefined) => (v === undefined ? "" : String(v));

/**
 * The search box (debounced 300 ms; words found anywhere in identifiers, names, other traits or the id) and the
 * state, provider, schema, admin and verified filters.
 */
export function UsersToolbar({ filters, providers, schemas, onChange }: UsersToolbarProps) {
  const value = filters.q ?? "";
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The URL changed from elsewhere (Back, a link): show its search, unless it is what the box already says.
  if (value !== seen) {
    setSeen(value);
    if (text.trim() !== value) setText(value);
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const t = setTimeout(() => onChange({ q: text.trim() || undefined }), 300);
    return () => clearTimeout(t);
  }, [text, value, onChange]);
  return (
    <div role="search" className="flex flex-1 flex-wrap items-center gap-2">
      <Input
        type="search"
        aria-label="Search users"
        placeholder="Search email, username, phone, name, other traits or ID…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="w-full sm:w-96"
      />
      <Select
        aria-label="Filter by state"
        value={filters.state ?? ""}
        onChange={(e) => onChange({ state: (e.target.value as IdentityState | "") || undefined })}
        options={[
          { value: "", label: "All states" },
          { value: "active", label: "Active" },
          { value: "inactive", label: "Inactive" },
        ]}
        className="w-auto"
      />
      <Select
        aria-label="Filter by provider"
        value={filters.provider ?? ""}
        onChange={(e) => onChange({ provider: e.target.value || undefined })}
        options={[{ value: "", label: "All providers" }, ...providers.map((p) => ({ value: p, label: p }))]}
        className="w-auto"
      />
      {schemas.length > 1 && (
        <Select
          aria-label="Filter by schema"
          value={filters.schema_id ?? ""}
          onChange={(e) => onChange({ schema_id: e.target.value || undefined })}
          options={[
            { value: "", label: "All schemas" },
            ...schemas.map((s) => ({ value: s.id, label: s.title === s.id ? s.id : `${s.title} (${s.id})` })),
          ]}
          className="w-auto"
        />
      )}
      <Select
        aria-label="Filter by dashboard admin"
        value={fromBool(filters.admin)}
        onChange={(e) => onChange({ admin: toBool(e.target.value) })}
        options={[
          { value: "", label: "Admins and others" },
          { value: "true", label: "Admins" },
          { value: "false", label: "Non-admins" },
        ]}
        className="w-auto"
      />
      <Select
        aria-label="Filter by verified address"
        value={fromBool(filters.verified)}
        onChange={(e) => onChange({ verified: toBool(e.target.value) })}
        options={[
          { value: "", label: "Verified or not" },
          { value: "true", label: "Verified" },
          { value: "false", label: "Unverified" },
        ]}
        className="w-auto"
      />
    </div>
  );
}
