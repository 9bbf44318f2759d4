"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";

export interface ColumnChooserProps {
  columns: { id: string; header: string; hint?: string; group?: string }[];
  visible: string[];
  onChange: (visible: string[]) => void;
  /** Columns that are always shown (their box is checked and disabled). */
  locked?: string[];
}

/** A disclosure with one checkbox per column, grouped (account columns, traits); Escape or a click outside closes it. */
export function ColumnChooser({ columns, visible, onChange, locked = [] }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  const groups = [...new Set(columns.map((c) => c.group ?? ""))];
  return (
    <div ref={ref} className="relative">
      <Button aria-expanded={open} aria-controls="column-chooser" onClick={() => setOpen((o) => !o)}>
        Columns
      </Button>
      {open && (
        <fieldset
          id="column-chooser"
          className="absolute right-0 z-20 mt-1 max-h-96 w-64 space-y-3 overflow-y-auto rounded-md border border-gray-200 bg-white p-3 shadow-lg dark:border-gray-700 dark:bg-gray-900"
        >
          <legend className="sr-only">Visible columns</legend>
          {groups.map((g) => (
            <div key={g} role="group" aria-label={g || undefined} className="space-y-2">
              {g && groups.length > 1 && (
                <p className="text-xs font-semibold tracking-wide text-gray-600 uppercase dark:text-gray-400">{g}</p>
              )}
              {columns
                .filter((c) => (c.group ?? "") === g)
                .map((c) => (
                  <div key={c.id}>
                    <label
                      htmlFor={`col-${c.id}`}
                      className="inline-flex items-baseline gap-2 text-sm text-gray-800 dark:text-gray-200"
                    >
                      <Checkbox
                        id={`col-${c.id}`}
                        className="self-center"
                        checked={locked.includes(c.id) || visible.includes(c.id)}
                        disabled={locked.includes(c.id)}
                        onChange={(e) =>
                          onChange(e.target.checked ? [...visible, c.id] : visible.filter((v) => v !== c.id))
                        }
                      />
                      <span>{c.header}</span>
                      {c.hint && <code className="text-xs text-gray-600 dark:text-gray-400">{c.hint}</code>}
                    </label>
                  </div>
                ))}
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}
