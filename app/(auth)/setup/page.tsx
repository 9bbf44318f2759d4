import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm, type SetupTraits } from "@/components/auth/setup-form";
import { flatFields } from "@/lib/identity-schema";
import { defaultSchemaId, getSchema } from "@/lib/server/kratos";
import { setupPending } from "@/lib/server/services/admins";
import { traitsFormSchema } from "@/lib/schema-form/form-schema";

export const metadata: Metadata = { title: "Set up" };

/**
 * The default schema's traits when it has no email to sign in with (a username or phone schema): the form then asks
 * for those traits. Email schemas, and a Kratos that cannot list its schemas, keep the email form. Kratos's public
 * API serves the same schema to anyone, so showing it here gives nothing away.
 */
async function setupTraits(): Promise<SetupTraits | null> {
  try {
    const { schema, summary } = await getSchema(await defaultSchemaId());
    const email =
      summary.identifiers.some((i) => i.kind === "email") ||
      flatFields(summary.fields).some((f) => f.format === "email");
    const form = email ? null : traitsFormSchema(schema);
    return form ? { schema: form, fields: summary.fields } : null;
  } catch {
    return null;
  }
}

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  // Once an admin exists (or the link was used or expired) there is nothing to set up.
  if (!(await setupPending())) redirect("/login");
  const sp = await searchParams;
  const token = typeof sp.token === "string" ? sp.token : "";
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create the first admin</h1>
      <p className="mb-5 text-sm text-gray-600 dark:text-gray-400">
        This single-use page creates the account that signs in to the dashboard.
      </p>
      <SetupForm token={token} traits={await setupTraits()} />
    </>
  );
}
