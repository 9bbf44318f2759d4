"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";

export interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  danger?: boolean;
  /** When set, the confirm button stays disabled until this exact text is typed. */
  requireText?: string;
}

/** Typed confirmation matches case-insensitively, ignoring surrounding spaces. */
export function confirmTextMatches(required: string, typed: string): boolean {
  return typed.trim().toLowerCase() === required.trim().toLowerCase();
}

/** "Type … to confirm": the field a destructive action's dialog shows before its button is enabled. */
export function ConfirmTextField({
  text,
  value,
  onChange,
}: {
  text: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <Field label={`Type ${text} to confirm`} htmlFor={id}>
      <Input id={id} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" spellCheck={false} />
    </Field>
  );
}

export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  description,
  confirmLabel,
  pending,
  danger = true,
  requireText,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState("");
  const ok = !requireText || confirmTextMatches(requireText, typed);
  const close = () => {
    setTyped("");
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant={danger ? "danger" : "primary"} onClick={onConfirm} disabled={!ok} loading={pending}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-4 text-sm text-gray-700 dark:text-gray-300">
        <div>{description}</div>
        {requireText && <ConfirmTextField text={requireText} value={typed} onChange={setTyped} />}
      </div>
    </Dialog>
  );
}
