"use client";

import Form from "@rjsf/core";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { useMemo, useState, type ReactNode } from "react";
import { templates, widgets, type SchemaFormContext } from "@/components/schema-form/theme";
import { pruneTraits } from "@/lib/schema-form/form-schema";
import { TraitsValidator } from "@/lib/schema-form/rjsf-validator";

export interface SchemaFormProps {
  /** A stand-alone JSON Schema for the traits (see `traitsFormSchema`). */
  schema: Record<string, unknown>;
  /** Prefix of the controls' ids, unique on the page. */
  idPrefix: string;
  /** Starting values (the user's traits when editing). */
  initialData?: Record<string, unknown>;
  /** Valid traits, with what empty inputs leave behind removed. */
  onSubmit: (traits: Record<string, unknown>) => void;
  onChange?: (traits: Record<string, unknown>) => void;
  disabled?: boolean;
  /** The form's other fields and its buttons, after the traits. */
  children: ReactNode;
  className?: string;
}

const uiSchema: UiSchema = { "ui:submitButtonOptions": { norender: true } };

/**
 * The traits of an identity schema as a form (RJSF with Truss's own theme). Each message shows beside its field once
 * the field was left, and all of them on a submit, which focuses the first field in error; Kratos validates again on
 * save. Load it with `next/dynamic` (see ./index.tsx) so pages without a form do not carry it.
 */
export default function SchemaForm({
  schema,
  idPrefix,
  initialData,
  onSubmit,
  onChange,
  disabled,
  children,
  className,
}: SchemaFormProps) {
  const rjsfSchema = schema as RJSFSchema;
  const validator = useMemo(() => new TraitsValidator(rjsfSchema), [rjsfSchema]);
  const [data, setData] = useState<Record<string, unknown>>(() => structuredClone(initialData ?? {}));
  const [context, setContext] = useState<SchemaFormContext>({ touched: [], submitted: false });
  return (
    <Form<Record<string, unknown>>
      className={className}
      schema={rjsfSchema}
      uiSchema={uiSchema}
      validator={validator}
      templates={templates}
      widgets={widgets}
      formData={data}
      formContext={context}
      idPrefix={idPrefix}
      disabled={disabled}
      noHtml5Validate
      showErrorList={false}
      liveValidate="onChange"
      focusOnFirstError
      onChange={(e) => {
        const next = e.formData ?? {};
        setData(next);
        onChange?.(pruneTraits(next));
      }}
      onBlur={(id) => setContext((c) => (c.touched.includes(id) ? c : { ...c, touched: [...c.touched, id] }))}
      onError={() => setContext((c) => (c.submitted ? c : { ...c, submitted: true }))}
      onSubmit={(e) => onSubmit(pruneTraits(e.formData))}
    >
      {children}
    </Form>
  );
}
