"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type ChangeEvent } from "react";
import { ImportResults, summarize } from "@/components/users/import-results";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Textarea } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import { parseImport, rowIdentifier, runImport } from "@/lib/client/import-rows";
import { userKeys } from "@/lib/client/queries/users";
import { toast } from "@/lib/client/toast-store";
import type { ImportResult } from "@/lib/schemas/import";

type Step = "input" | "preview" | "done";
const SAMPLE = "email,password,name,state\nada@example.com,correct-horse-42,Ada Lovelace,active";

/** Paste or upload CSV/JSON → dry-run preview with per-row validation → import with a progress bar. */
export function ImportDialog() {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>("input");
  const [rows, setRows] = useState<Record<string, unknown>[]>([]);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [readOnly, setReadOnly] = useState<string[]>([]);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | null>(null);
  const reset = () => {
    setStep("input");
    setResults([]);
    setError(null);
    setProgress(null);
  };
  const close = () => {
    if (progress) return;
    setOpen(false);
    setText("");
    reset();
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) setText(await f.text());
  };
  const run = async (dryRun: boolean) => {
    setError(null);
    let parsed: Record<string, unknown>[] = rows;
    if (dryRun) {
      try {
        const p = parseImport(text);
        parsed = p.rows;
        setRows(p.rows);
        setIgnored(p.ignoredColumns);
        setReadOnly(p.readOnlyColumns);
      } catch (err) {
        return setError(err instanceof Error ? err.message : "Could not read the file.");
      }
    }
    const label = dryRun ? "Validating" : "Importing";
    // After the preview only valid rows are sent; invalid ones keep their preview error in the report.
    const keep = dryRun ? [] : results.filter((r) => r.status === "error");
    const sendIdx = dryRun ? parsed.map((_, i) => i) : results.filter((r) => r.status === "valid").map((r) => r.index);
    const merge = (partial: ImportResult[]) =>
      [
        ...keep,
        ...partial.map((r) => {
          const index = sendIdx[r.index] ?? r.index;
          // A row the server could not read has no identifier from it: name it from the row itself.
          return { ...r, index, identifier: r.identifier ?? rowIdentifier(parsed[index]) };
        }),
      ].sort((a, b) => a.index - b.index);
    setProgress({ done: 0, total: sendIdx.length, label });
    const out = merge(
      await runImport(
        sendIdx.map((i) => parsed[i]!),
        dryRun,
        (done, partial) => {
          setProgress({ done, total: sendIdx.length, label });
          setResults(merge(partial));
        },
      ),
    );
    setResults(out);
    setProgress(null);
    setStep(dryRun ? "preview" : "done");
    if (!dryRun) {
      const s = summarize(out);
      toast(
        `Imported ${s.created} user${s.created === 1 ? "" : "s"}${s.failed ? `; ${s.failed} failed` : ""}.`,
        s.failed ? "error" : "success",
      );
      await qc.invalidateQueries({ queryKey: userKeys.all });
    }
  };
  const valid = summarize(results).valid;
  return (
    <>
      <Button onClick={() => setOpen(true)}>Import</Button>
      <Dialog
        open={open}
        onClose={close}
        size="lg"
        title="Import users"
        description="CSV with a header row, or a JSON array. Rows are checked first; nothing is created until you confirm."
        footer={
          step === "input" ? (
            <>
              <Button onClick={close}>Cancel</Button>
              <Button variant="primary" onClick={() => void run(true)} loading={!!progress} disabled={!text.trim()}>
                Preview
              </Button>
            </>
          ) : step === "preview" ? (
            <>
              <Button onClick={reset} disabled={!!progress}>
                Back
              </Button>
              <Button variant="primary" onClick={() => void run(false)} loading={!!progress} disabled={valid === 0}>
                Import {valid} valid row{valid === 1 ? "" : "s"}
              </Button>
            </>
          ) : (
            <Button variant="primary" onClick={close}>
              Close
            </Button>
          )
        }
      >
        <div className="space-y-4">
          {error && (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
              {error}
            </p>
          )}
          {step === "input" && !progress && (
            <>
              <div
                id="import-format"
                className="space-y-1 rounded-md bg-gray-50 p-3 text-sm text-gray-700 dark:bg-gray-800 dark:text-gray-300"
              >
                <p>
                  CSV columns: <code>schema_id</code> (empty for the default schema), one <code>traits.</code> column
                  per trait path such as <code>traits.username</code> or <code>traits.name.first</code> (lists as{" "}
                  <code>a;b</code> or JSON), <code>password</code> or <code>password_hash</code>, <code>state</code>.
                  Email schemas also take <code>email</code> and <code>name</code>.
                </p>
                <p>
                  JSON: objects with <code>schema_id</code>, <code>traits</code>, <code>password</code>,{" "}
                  <code>state</code>. A file exported from this page imports as it is; its read-only columns (id,
                  dates…) are skipped.
                </p>
              </div>
              <Field label="Upload a file" htmlFor="import-file">
                <input
                  id="import-file"
                  type="file"
                  accept=".csv,.json,text/csv,application/json"
                  onChange={(e) => void onFile(e)}
                  className="block text-sm"
                />
              </Field>
              <Field label="Or paste CSV or JSON" htmlFor="import-text">
                <Textarea
                  id="import-text"
                  rows={8}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder={SAMPLE}
                  aria-describedby="import-format"
                  spellCheck={false}
                />
              </Field>
            </>
          )}
          {ignored.length > 0 && step !== "input" && (
            <p className="text-sm text-amber-900 dark:text-amber-200">Ignored columns: {ignored.join(", ")}</p>
          )}
          {readOnly.length > 0 && step !== "input" && (
            <p className="text-sm text-gray-700 dark:text-gray-300">
              Read-only columns skipped (Kratos sets them): {readOnly.join(", ")}
            </p>
          )}
          {progress && <Progress value={progress.done} max={progress.total || 1} label={progress.label} />}
          {step !== "input" && !progress && <ImportResults results={results} dryRun={step === "preview"} />}
        </div>
      </Dialog>
    </>
  );
}
