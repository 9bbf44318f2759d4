import type { SelectHTMLAttributes } from "react";
import { fieldClass } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  options: { value: string; label: string }[];
}

export function Select({ options, className, ...rest }: SelectProps) {
  return (
    <select className={cn(fieldClass, "h-9 py-1 pr-8", !className?.includes("w-") && "w-full", className)} {...rest}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
