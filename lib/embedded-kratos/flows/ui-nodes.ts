import type { JsonObject } from "../http";
import type { UiMessage } from "../store/types";

export interface InputAttrs {
  name: string;
  type: string;
  value?: unknown;
  required?: boolean;
  autocomplete?: string;
  pattern?: string;
  maxlength?: number;
}

/** One `input` node; `required`/`autocomplete` are omitempty, `disabled`/`node_type` always present. */
export function inputNode(
  group: string,
  attrs: InputAttrs,
  label?: JsonObject | UiMessage,
  nodeMessages: UiMessage[] = [],
): JsonObject {
  return {
    type: "input",
    group,
    attributes: {
      name: attrs.name,
      type: attrs.type,
      ...(attrs.value !== undefined && { value: attrs.value }),
      ...(attrs.required && { required: true }),
      ...(attrs.autocomplete && { autocomplete: attrs.autocomplete }),
      ...(attrs.pattern && { pattern: attrs.pattern }),
      ...(attrs.maxlength !== undefined && { maxlength: attrs.maxlength }),
      disabled: false,
      node_type: "input",
    },
    messages: nodeMessages,
    meta: label ? { label } : {},
  };
}

export interface LoginNodeOptions {
  identifierLabel?: { title: string; name: string };
  identifierValue: string;
  identifierMessages: UiMessage[];
  passwordMessages: UiMessage[];
  oidcProviders: { id: string; label?: string }[];
}

/**
 * One "Sign in with …" (login, 1010002) or "Sign up with …" (registration, 1040002) button per provider, sorted by
 * provider id as real Kratos v26.2.0 lists them (not in config order).
 */
export function providerNodes(providers: { id: string; label?: string }[], kind: "sign_in" | "sign_up"): JsonObject[] {
  const [id, verb] = kind === "sign_in" ? [1010002, "Sign in"] : [1040002, "Sign up"];
  return [...providers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => {
      const label = p.label ?? p.id;
      return inputNode(
        "oidc",
        { name: "provider", type: "submit", value: p.id },
        { id, text: `${verb} with ${label}`, type: "info", context: { provider: label, provider_id: p.id } },
      );
    });
}

/** ui.nodes of an API login flow, in Kratos's sort order: oidc, default, password (method last). */
export function loginNodes(o: LoginNodeOptions): JsonObject[] {
  const oidc = providerNodes(o.oidcProviders, "sign_in");
  const identifierLabel = o.identifierLabel
    ? {
        id: 1070002,
        text: o.identifierLabel.title,
        type: "info",
        context: { title: o.identifierLabel.title, name: o.identifierLabel.name },
      }
    : { id: 1070004, text: "ID", type: "info" };
  return [
    ...oidc,
    inputNode("default", { name: "csrf_token", type: "hidden", value: "", required: true }),
    inputNode(
      "default",
      { name: "identifier", type: "text", value: o.identifierValue, required: true },
      identifierLabel,
      o.identifierMessages,
    ),
    inputNode(
      "password",
      { name: "password", type: "password", required: true, autocomplete: "current-password" },
      { id: 1070001, text: "Password", type: "info" },
      o.passwordMessages,
    ),
    inputNode(
      "password",
      { name: "method", type: "submit", value: "password" },
      { id: 1010022, text: "Sign in with password", type: "info" },
    ),
  ];
}
