"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";

export interface ColumnChooserProps {
  columns: { id: string; header: string }[];
  visible: string[];
  onChange: (visible: string[]) => void;
}

/** A disclosure with one checkbox per column; Escape or a click outside closes it. */
export function ColumnChooser({ columns, visible, onChange }: ColumnChooserProps) {
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
  return (
    <div ref={ref} className="relative">
      <Button aria-expanded={open} aria-controls="column-chooser" onClick={() => setOpen((o) => !o)}>
        Columns
      </Button>
      {open && (
        <fieldset
          id="column-chooser"
          className="absolute right-0 z-20 mt-1 w-52 space-y-2 rounded-md border border-gray-200 bg-white p-3 shadow-lg dark:border-gray-700 dark:bg-gray-900"
        >
          <legend className="sr-only">Visible columns</legend>
          {columns.map((c) => (
            <div key={c.id}>
              <Checkbox
                id={`col-${c.id}`}
                label={c.header}
                checked={visible.includes(c.id)}
                disabled={c.id === "email"}
                onChange={(e) => onChange(e.target.checked ? [...visible, c.id] : visible.filter((v) => v !== c.id))}
              />
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}
