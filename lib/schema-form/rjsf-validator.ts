import {
  createErrorHandler,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from "@rjsf/utils";
import { validateValue, type Problem } from "@/lib/schema-form/validate";

type Data = Record<string, unknown>;

/** `["name", "first"]` → `.name.first`, the property notation RJSF's error schema is built from. */
const property = (path: Problem["path"]) => path.map((p) => `.${String(p)}`).join("");

/**
 * RJSF's validator contract over the CSP-safe interpreter (lib/schema-form/validate.ts) in place of
 * @rjsf/validator-ajv8, whose Ajv compiles validators with `new Function`. `root` resolves `$ref`s that a sub-schema
 * handed in by RJSF no longer carries the definitions for.
 */
export class TraitsValidator implements ValidatorType<Data, RJSFSchema> {
  constructor(private readonly root: RJSFSchema = {}) {}

  private problems(schema: RJSFSchema, data: unknown, root?: RJSFSchema): Problem[] {
    const base = root ?? (schema.definitions || schema.$defs ? schema : this.root);
    return validateValue(schema, data, base);
  }

  validateFormData(
    formData: Data | undefined,
    schema: RJSFSchema,
    customValidate?: CustomValidator<Data, RJSFSchema>,
    transformErrors?: ErrorTransformer<Data, RJSFSchema>,
    uiSchema?: UiSchema<Data, RJSFSchema>,
  ): ValidationData<Data> {
    let errors: RJSFValidationError[] = this.problems(schema, formData ?? {}).map((p) => ({
      name: p.keyword,
      property: property(p.path),
      message: p.message,
      stack: p.path.length ? `${p.path.join(".")}: ${p.message}` : p.message,
      params: {},
    }));
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    const errorSchema = toErrorSchema<Data>(errors);
    if (!customValidate) return { errors, errorSchema };
    const handler = customValidate(formData, createErrorHandler<Data>(formData ?? {}), uiSchema, errorSchema);
    return validationDataMerge({ errors, errorSchema }, unwrapErrorHandler(handler));
  }

  isValid(schema: RJSFSchema, formData: Data | undefined, rootSchema: RJSFSchema): boolean {
    return this.problems(schema, formData, rootSchema).length === 0;
  }

  rawValidation<Result = Problem>(schema: RJSFSchema, formData?: Data): { errors?: Result[] } {
    const errors = this.problems(schema, formData);
    return errors.length ? { errors: errors as Result[] } : {};
  }
}
