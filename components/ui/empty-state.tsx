import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-gray-300 p-8 text-center dark:border-gray-700">
      <p className="font-medium text-gray-900 dark:text-gray-100">{title}</p>
      {children && <div className="mx-auto mt-1 max-w-prose text-sm text-gray-600 dark:text-gray-400">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}

export function ErrorState({
  title = "Could not load this",
  message,
  action,
}: {
  title?: string;
  message: string;
  action?: ReactNode;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-800 dark:bg-red-950"
    >
      <p className="font-medium text-red-900 dark:text-red-200">{title}</p>
      <p className="mt-1 text-red-800 dark:text-red-300">{message}</p>
      {action && <div className="mt-3">{action}</div>}
    </div>
  );
}
