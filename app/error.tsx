"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg p-8">
      <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950">
        <h1 className="text-lg font-semibold text-red-900 dark:text-red-100">Something went wrong</h1>
        <p className="mt-2 text-sm text-red-800 dark:text-red-200">
          {error.digest ? `The server could not render this page (reference ${error.digest}).` : error.message}
        </p>
        <p className="mt-1 text-sm text-red-800 dark:text-red-200">
          If Kratos is unreachable, check the Overview page once it is back.
        </p>
        <div className="mt-4 flex gap-2">
          <Button variant="primary" onClick={reset}>
            Try again
          </Button>
          <a
            href="/"
            className="inline-flex h-9 items-center rounded-md px-4 text-sm font-medium text-red-900 underline dark:text-red-100"
          >
            Go to the overview
          </a>
        </div>
      </div>
    </main>
  );
}
