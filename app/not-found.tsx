import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
        The page or record you asked for does not exist, or it was deleted.
      </p>
      <Link href="/" className={`${buttonClass("primary")} mt-6`}>
        Back to the overview
      </Link>
    </main>
  );
}
