"use client";

import {
  ariaDescribedByIds,
  descriptionId,
  enumOptionSelectedValue,
  enumOptionValueDecoder,
  enumOptionValueEncoder,
  errorId,
  getInputProps,
  helpId,
  getOptionValueFormat,
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  type BaseInputTemplateProps,
  type DescriptionFieldProps,
  type EnumValue,
  type FieldHelpProps,
  type FieldTemplateProps,
  type IconButtonProps,
  type ObjectFieldTemplateProps,
  type Registry,
  type TemplatesType,
  type TitleFieldProps,
  type WidgetProps,
  type RegistryWidgetsType,
} from "@rjsf/utils";
import { createContext, useContext, type ChangeEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { fieldClass } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/**
 * Truss's own small RJSF theme: the dashboard's Tailwind inputs, a label bound to every control, required markers,
 * and the validator's messages beside their field once it was left (or after a submit), never as a list on top.
 */

export interface SchemaFormContext {
  /** Ids of controls the user has left; their messages show from then on. */
  touched: string[];
  /** A submit was tried: every message shows. */
  submitted: boolean;
}

function showsErrors(registry: Registry, id: string): boolean {
  const ctx = registry.formContext as Partial<SchemaFormContext> | undefined;
  return !!ctx?.submitted || !!ctx?.touched?.some((t) => t === id || t.startsWith(`${id}_`));
}

/** The errors to show now for a control (empty while it has not been visited). */
function visibleErrors(registry: Registry, id: string, rawErrors: string[] | undefined): string[] {
  return rawErrors?.length && showsErrors(registry, id) ? [...new Set(rawErrors)] : [];
}

/** The title of the list an item belongs to, for its remove button. */
const ListTitle = createContext<string | null>(null);
/** The label of a list item's control ("Tags 2"): items show no label of their own, so it becomes the aria-label. */
const ItemLabel = createContext<string | null>(null);

function RequiredMark() {
  return (
    <span aria-hidden className="ml-0.5 text-red-700 dark:text-red-400">
      *
    </span>
  );
}

function ErrorText({ id, errors }: { id: string; errors: string[] }) {
  if (!errors.length) return null;
  return (
    <p id={errorId(id)} className="text-xs text-red-700 dark:text-red-400">
      {errors.join(" · ")}
    </p>
  );
}

function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, description, rawErrors, hidden, required, displayLabel, registry, schema } = props;
  if (hidden) return <div className="hidden">{children}</div>;
  // Objects and lists render a fieldset with a legend and their own messages; booleans label their checkbox.
  const container = schema.type === "object" || schema.type === "array";
  const errors = container ? [] : visibleErrors(registry, id, rawErrors);
  // A list item (its path ends in an index) is labelled by ItemLabel; any other field ends that label's reach.
  const item = typeof props.fieldPathId.path.at(-1) === "number";
  const body = (
    <div className="space-y-1">
      {displayLabel && !container && !item && (
        <label htmlFor={id} className="block text-sm font-medium text-gray-800 dark:text-gray-200">
          {label}
          {required && <RequiredMark />}
        </label>
      )}
      {displayLabel && description}
      {children}
      <ErrorText id={id} errors={errors} />
    </div>
  );
  return item ? body : <ItemLabel.Provider value={null}>{body}</ItemLabel.Provider>;
}

function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <p id={id} className="text-xs text-gray-600 dark:text-gray-400">
      {description}
    </p>
  );
}

function TitleFieldTemplate({ id, title, required }: TitleFieldProps) {
  return (
    <legend id={id} className="px-1 text-sm font-semibold text-gray-900 dark:text-gray-100">
      {title}
      {required && <RequiredMark />}
    </legend>
  );
}

function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, required, fieldPathId, registry, schema, uiSchema } = props;
  const content = properties.filter((p) => !p.hidden).map((p) => p.content);
  const errors = visibleErrors(registry, fieldPathId.$id, props.errorSchema?.__errors);
  // The form's root is the traits object: no box around everything.
  if (fieldPathId.path.length === 0)
    return (
      <div id={fieldPathId.$id} className="space-y-4">
        <ErrorText id={fieldPathId.$id} errors={errors} />
        {content}
      </div>
    );
  return (
    <fieldset
      id={fieldPathId.$id}
      className="space-y-3 rounded-md border border-gray-200 px-3 pt-1 pb-3 dark:border-gray-700"
    >
      {title && (
        <TitleFieldTemplate
          id={`${fieldPathId.$id}__title`}
          title={title}
          required={required}
          schema={schema}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
      {description && (
        <DescriptionFieldTemplate
          id={descriptionId(fieldPathId)}
          description={description}
          schema={schema}
          registry={registry}
        />
      )}
      <ErrorText id={fieldPathId.$id} errors={errors} />
      {content}
    </fieldset>
  );
}

function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { title, items, canAdd, onAddClick, required, fieldPathId, registry, schema, disabled, readonly } = props;
  const errors = visibleErrors(registry, fieldPathId.$id, props.errorSchema?.__errors);
  return (
    <fieldset
      id={fieldPathId.$id}
      className="space-y-2 rounded-md border border-gray-200 px-3 pt-1 pb-3 dark:border-gray-700"
    >
      <legend className="px-1 text-sm font-semibold text-gray-900 dark:text-gray-100">
        {title}
        {required && <RequiredMark />}
      </legend>
      {schema.description && (
        <p id={descriptionId(fieldPathId)} className="text-xs text-gray-600 dark:text-gray-400">
          {schema.description}
        </p>
      )}
      <ErrorText id={fieldPathId.$id} errors={errors} />
      <ListTitle.Provider value={title}>
        {items.length ? (
          <div className="space-y-2">{items}</div>
        ) : (
          <p className="text-xs text-gray-600 dark:text-gray-400">None yet.</p>
        )}
      </ListTitle.Provider>
      {canAdd && (
        <Button size="sm" onClick={onAddClick} disabled={disabled || readonly} aria-label={`Add to ${title}`}>
          Add
        </Button>
      )}
    </fieldset>
  );
}

function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, index } = props;
  const list = useContext(ListTitle) ?? "Entry";
  return (
    <div className="flex items-start gap-2">
      <div className="min-w-0 flex-1">
        <ItemLabel.Provider value={`${list} ${index + 1}`}>{children}</ItemLabel.Provider>
      </div>
      {hasToolbar && buttonsProps.hasRemove && (
        <Button
          size="sm"
          className="mt-0.5"
          onClick={buttonsProps.onRemoveItem}
          disabled={buttonsProps.disabled || buttonsProps.readonly}
          aria-label={`Remove ${list} ${index + 1}`}
        >
          Remove
        </Button>
      )}
    </div>
  );
}

/** `format` decides the input type the browser offers (keyboard, picker). */
const FORMAT_INPUT: Record<string, string> = { email: "email", tel: "tel", uri: "url", date: "date", time: "time" };

function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride } = props;
  const { options, schema, rawErrors, registry, required, placeholder, label, hideLabel } = props;
  const type = props.type as string | undefined;
  const item = useContext(ItemLabel);
  const inputProps = getInputProps(schema, type, options);
  const byFormat = typeof schema.format === "string" ? FORMAT_INPUT[schema.format] : undefined;
  if (inputProps.type === "text" && byFormat) inputProps.type = byFormat;
  const current = props.value as unknown;
  const shown = typeof current === "string" ? current : typeof current === "number" ? String(current) : "";
  const invalid = visibleErrors(registry, id, rawErrors).length > 0;
  return (
    <input
      id={id}
      name={htmlName || id}
      {...inputProps}
      className={cn(fieldClass, "h-9 w-full", invalid && "border-red-600 dark:border-red-400")}
      value={shown}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      required={required}
      placeholder={placeholder || undefined}
      autoComplete="off"
      aria-invalid={invalid || undefined}
      aria-label={item ?? (hideLabel ? label : undefined)}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={
        onChangeOverride ??
        ((e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value === "" ? options.emptyValue : e.target.value))
      }
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}

function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, disabled, readonly, autofocus, label, required, onChange, onBlur, onFocus } = props;
  const value = props.value as unknown;
  const { registry, rawErrors, schema } = props;
  const errors = visibleErrors(registry, id, rawErrors);
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={htmlName || id}
          type="checkbox"
          checked={value === true}
          disabled={disabled || readonly}
          autoFocus={autofocus}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={ariaDescribedByIds(id)}
          className="size-4 rounded border-gray-400 accent-indigo-600 dark:accent-indigo-400"
          onChange={(e) => onChange(e.target.checked)}
          onBlur={(e) => onBlur(id, e.target.checked)}
          onFocus={(e) => onFocus(id, e.target.checked)}
        />
        <label htmlFor={id} className="text-sm font-medium text-gray-800 dark:text-gray-200">
          {label}
          {required && <RequiredMark />}
        </label>
      </div>
      {schema.description && (
        <p id={descriptionId(id)} className="text-xs text-gray-600 dark:text-gray-400">
          {schema.description}
        </p>
      )}
    </div>
  );
}

function SelectWidget(props: WidgetProps) {
  const { id, htmlName, disabled, readonly, autofocus, required, onChange, onBlur, onFocus, options } = props;
  const { registry, rawErrors, label, hideLabel } = props;
  const value = props.value as unknown;
  const item = useContext(ItemLabel);
  const enumOptions = options.enumOptions ?? [];
  const enumDisabled = options.enumDisabled as unknown[] | undefined;
  const emptyValue = options.emptyValue as unknown;
  const format = getOptionValueFormat(options);
  const decode = (v: string): unknown => enumOptionValueDecoder(v, enumOptions, format, emptyValue);
  const selected: unknown = enumOptionSelectedValue(value as EnumValue, enumOptions, false, format, "");
  const invalid = visibleErrors(registry, id, rawErrors).length > 0;
  return (
    <select
      id={id}
      name={htmlName || id}
      value={typeof selected === "string" ? selected : ""}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      required={required}
      aria-invalid={invalid || undefined}
      aria-label={item ?? (hideLabel ? label : undefined)}
      aria-describedby={ariaDescribedByIds(id)}
      className={cn(fieldClass, "h-9 w-full py-1 pr-8", invalid && "border-red-600 dark:border-red-400")}
      onChange={(e) => onChange(decode(e.target.value))}
      onBlur={(e) => onBlur(id, decode(e.target.value))}
      onFocus={(e) => onFocus(id, decode(e.target.value))}
    >
      <option value="">{required ? "Choose…" : "—"}</option>
      {enumOptions.map((o, i) => (
        <option
          key={String(o.value)}
          value={String(enumOptionValueEncoder(o.value, i, format))}
          disabled={enumDisabled?.includes(o.value)}
        >
          {o.label}
        </option>
      ))}
    </select>
  );
}

function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, disabled, readonly, autofocus, required, onChange, onBlur, onFocus, options } = props;
  const current = props.value as unknown;
  return (
    <textarea
      id={id}
      name={htmlName || id}
      value={typeof current === "string" ? current : ""}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      required={required}
      rows={typeof options.rows === "number" ? options.rows : 3}
      aria-describedby={ariaDescribedByIds(id)}
      className={cn(fieldClass, "w-full")}
      onChange={(e) => onChange(e.target.value === "" ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}

function SmallButton({ label, onClick, disabled, id, className }: IconButtonProps & { label: ReactNode }) {
  return (
    <Button size="sm" id={id} onClick={onClick} disabled={disabled} className={className}>
      {label}
    </Button>
  );
}

export const templates: Partial<Omit<TemplatesType, "ButtonTemplates">> & {
  ButtonTemplates: Partial<TemplatesType["ButtonTemplates"]>;
} = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  BaseInputTemplate,
  DescriptionFieldTemplate,
  TitleFieldTemplate,
  // Messages are shown beside their field (FieldTemplate); no list of them on top or below.
  ErrorListTemplate: () => null,
  FieldErrorTemplate: () => null,
  FieldHelpTemplate: ({ help, fieldPathId }: FieldHelpProps) =>
    help ? (
      <p id={helpId(fieldPathId)} className="text-xs text-gray-600 dark:text-gray-400">
        {help}
      </p>
    ) : null,
  ButtonTemplates: {
    AddButton: (p) => <SmallButton {...p} label="Add" />,
    RemoveButton: (p) => <SmallButton {...p} label="Remove" />,
    CopyButton: (p) => <SmallButton {...p} label="Copy" />,
    MoveUpButton: (p) => <SmallButton {...p} label="Move up" />,
    MoveDownButton: (p) => <SmallButton {...p} label="Move down" />,
    ClearButton: (p) => <SmallButton {...p} label="Clear" />,
    // Forms pass their own buttons as children, which replaces this one.
    SubmitButton: () => (
      <Button type="submit" variant="primary">
        Save
      </Button>
    ),
  },
};

export const widgets: RegistryWidgetsType = { CheckboxWidget, SelectWidget, TextareaWidget };
