"use client";

import { useEffect, useRef, type InputHTMLAttributes } from "react";
import { cn } from "@/lib/utils";

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  indeterminate?: boolean;
  label?: string;
}

export function Checkbox({ indeterminate, label, className, id, ...rest }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = !!indeterminate;
  }, [indeterminate]);
  const box = (
    <input
      ref={ref}
      id={id}
      type="checkbox"
      className={cn("size-4 rounded border-gray-400 accent-indigo-600 dark:accent-indigo-400", className)}
      {...rest}
    />
  );
  if (!label) return box;
  return (
    <label htmlFor={id} className="inline-flex items-center gap-2 text-sm text-gray-800 dark:text-gray-200">
      {box}
      {label}
    </label>
  );
}
