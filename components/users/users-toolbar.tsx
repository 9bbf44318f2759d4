"use client";

import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { IdentityState } from "@/lib/schemas/identity";

export interface UserFilters {
  search: string;
  state: IdentityState | "";
  provider: string;
}

export interface UsersToolbarProps {
  filters: UserFilters;
  providers: string[];
  onChange: (f: UserFilters) => void;
}

/** Email-prefix search (debounced 300 ms) plus state and provider filters. */
export function UsersToolbar({ filters, providers, onChange }: UsersToolbarProps) {
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
        aria-label="Search users by email prefix"
        placeholder="Search by email…"
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
    </div>
  );
}
