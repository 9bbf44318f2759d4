import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { openApiDocument } from "@/lib/server/openapi";
import { requireAdmin } from "@/lib/server/http/page-auth";
import { openApiDocSchema, type OpenApiDoc } from "@/lib/schemas/openapi-doc";

export const metadata: Metadata = { title: "API reference" };

function loadDoc(): OpenApiDoc | null {
  try {
    const parsed = openApiDocSchema.safeParse(openApiDocument());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export default async function ApiDocsPage() {
  await requireAdmin("/docs/api");
  const doc = loadDoc();
  return (
    <>
      <PageHeader
        title={doc?.info?.title ?? "API reference"}
        description={
          <>
            The /v1 API for your servers (authenticate with a secret key). Machine-readable:{" "}
            <a href="/v1/openapi.json" className="text-indigo-700 underline dark:text-indigo-300">
              /v1/openapi.json
            </a>
            {doc?.info?.version ? ` · version ${doc.info.version}` : ""}
          </>
        }
      />
      {doc ? (
        <ApiReference doc={doc} />
      ) : (
        <EmptyState title="The OpenAPI document is not available">
          The server did not produce /v1/openapi.json.
        </EmptyState>
      )}
    </>
  );
}
