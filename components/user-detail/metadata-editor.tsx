"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/input";
import { useUpdateUserMutation } from "@/lib/client/queries/users";
import type { Identity } from "@/lib/schemas/identity";

function check(text: string): { value: Record<string, unknown> | null; error: string | null } {
  if (!text.trim()) return { value: null, error: null };
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== "object" || Array.isArray(v))
      return { value: null, error: "Public metadata must be a JSON object ({ … })." };
    return { value: v as Record<string, unknown>, error: null };
  } catch (e) {
    return { value: null, error: `Invalid JSON: ${e instanceof Error ? e.message : "parse error"}` };
  }
}

/** Public metadata (readable by the user's own session) as editable JSON, validated as you type. */
export function MetadataEditor({ user }: { user: Identity }) {
  const initial = user.metadata_public ? JSON.stringify(user.metadata_public, null, 2) : "";
  const [text, setText] = useState(initial);
  const update = useUpdateUserMutation(user.id);
  const { value, error } = check(text);
  return (
    <Card title="Public metadata">
      <Field
        label="Public metadata (JSON)"
        htmlFor="metadata-public"
        hint="Visible to the user through their session. Leave empty to clear."
        error={error}
      >
        <Textarea
          id="metadata-public"
          rows={6}
          value={text}
          spellCheck={false}
          aria-invalid={!!error}
          onChange={(e) => setText(e.target.value)}
          placeholder='{ "plan": "pro" }'
        />
      </Field>
      <div className="mt-3 flex justify-end gap-2">
        <Button onClick={() => setText(initial)} disabled={text === initial}>
          Reset
        </Button>
        <Button
          variant="primary"
          disabled={!!error || text === initial}
          loading={update.isPending}
          onClick={() => update.mutate({ metadata_public: value })}
        >
          Save metadata
        </Button>
      </div>
    </Card>
  );
}
