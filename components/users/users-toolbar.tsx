"use client";

import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { IdentityState } from "@/lib/schemas/identity";

export interface UserFilters {
  search: string;
  state: IdentityState | "";
  provider: string;
  /** Identity schema id; "" for every schema. */
  schema_id: string;
}

export interface UsersToolbarProps {
  filters: UserFilters;
  providers: string[];
  /** Kratos's identity schemas: the schema filter shows only when there are several. */
  schemas: { id: string; title: string }[];
  onChange: (f: UserFilters) => void;
}

/** Identifier-prefix search (email, username or phone; debounced 300 ms) plus state, provider and schema filters. */
export function UsersToolbar({ filters, providers, schemas, onChange }: UsersToolbarProps) {
  const [search, setSearch] = useState(filters.search);
  useEffect(() => {
    if (search === filters.search) return;
    const t = setTimeout(() => onChange({ ...filters, search }), 300);
    return () => clearTimeout(t);
  }, [search, filters, onChange]);
  return (
    <div role="search" className="flex flex-1 flex-wrap items-center gap-2">
      <Input
        type="search"
        aria-label="Search users by email, username or phone"
        placeholder="Search by email, username or phone…"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        className="w-full sm:w-72"
      />
      <Select
        aria-label="Filter by state"
        value={filters.state}
        onChange={(e) => onChange({ ...filters, state: e.target.value as IdentityState | "" })}
        options={[
          { value: "", label: "All states" },
          { value: "active", label: "Active" },
          { value: "inactive", label: "Inactive" },
        ]}
        className="w-auto"
      />
      <Select
        aria-label="Filter by provider"
        value={filters.provider}
        onChange={(e) => onChange({ ...filters, provider: e.target.value })}
        options={[{ value: "", label: "All providers" }, ...providers.map((p) => ({ value: p, label: p }))]}
        className="w-auto"
      />
      {schemas.length > 1 && (
        <Select
          aria-label="Filter by schema"
          value={filters.schema_id}
          onChange={(e) => onChange({ ...filters, schema_id: e.target.value })}
          options={[
            { value: "", label: "All schemas" },
            ...schemas.map((s) => ({ value: s.id, label: s.title === s.id ? s.id : `${s.title} (${s.id})` })),
          ]}
          className="w-auto"
        />
      )}
    </div>
  );
}
