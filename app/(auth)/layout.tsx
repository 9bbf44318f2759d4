import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-gray-200 bg-white p-6 shadow-sm dark:border-gray-800 dark:bg-gray-900">
        <div className="mb-6 flex items-center gap-2">
          <svg aria-hidden viewBox="0 0 32 32" className="size-7">
            <rect width="32" height="32" rx="7" fill="#4f46e5" />
            <path d="M6 24 16 7l10 17H6Zm5-3h10l-5-8.5L11 21Z" fill="#fff" />
          </svg>
          <span className="text-lg font-semibold">Truss Auth</span>
        </div>
        {children}
      </div>
    </main>
  );
}
