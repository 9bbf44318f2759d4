/** A tiny external store so mutation hooks can raise toasts without a React context. */
export interface Toast {
  id: number;
  kind: "success" | "error" | "info";
  message: string;
}

const NO_TOASTS: Toast[] = [];
let toasts: Toast[] = NO_TOASTS;
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const toastStore = {
  subscribe: (l: () => void) => {
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  },
  snapshot: () => toasts,
  // Must return the same array every time, or React re-renders forever.
  serverSnapshot: (): Toast[] => NO_TOASTS,
  dismiss: (id: number) => {
    toasts = toasts.filter((t) => t.id !== id);
    emit();
  },
};

export function toast(message: string, kind: Toast["kind"] = "success"): void {
  const id = nextId++;
  toasts = [...toasts.slice(-4), { id, kind, message }];
  emit();
  setTimeout(() => toastStore.dismiss(id), kind === "error" ? 8000 : 4500);
}
