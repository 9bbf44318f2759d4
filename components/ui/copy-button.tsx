"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/lib/client/toast-store";

export function CopyButton({
  value,
  label = "Copy",
  size = "sm",
  toastMessage,
}: {
  value: string;
  label?: string;
  size?: "sm" | "md";
  /** Also confirms the copy with a toast (the button's own "Copied" lasts a moment only). */
  toastMessage?: string;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      if (toastMessage) toast(toastMessage);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast("Could not copy: the browser denied clipboard access.", "error");
    }
  };
  return (
    <Button size={size} onClick={() => void copy()} aria-live="polite">
      {copied ? "Copied" : label}
    </Button>
  );
}
