import type { KratosDeps } from "../deps";
import { maskCsrfToken } from "../browser/csrf";
import { KratosError } from "../errors";
import { isObject, type JsonObject } from "../http";
import type { SelfServiceFlowRecord } from "../store/selfservice-types";
import { labels } from "./flow-messages";
import { encodeFlowBase } from "./selfservice-flow";
import { traitNodes } from "./trait-nodes";
import { inputNode, providerNodes } from "./ui-nodes";

export const registrationDisabled = () =>
  new KratosError(400, {
    id: "self_service_flow_disabled",
    reason: "Registration is not allowed because it was disabled.",
    message: "registration flow disabled",
  });

/**
 * Registration nodes. Kratos v26.2.0 registers in two steps: the traits (method "profile"), then the
 * credential (method "password"); an API client may send traits and password in one "password" submit.
 * `state` "choose_method" with `values.step === "credentials"` is the second screen.
 */
function registrationNodes(flow: SelfServiceFlowRecord, deps: KratosDeps): JsonObject[] {
  const schemaId = deps.config.defaultSchemaId;
  const traits = isObject(flow.values.traits) ? flow.values.traits : undefined;
  const csrf = inputNode("default", {
    name: "csrf_token",
    type: "hidden",
    value: flow.type === "browser" && flow.csrfToken ? maskCsrfToken(flow.csrfToken) : "",
    required: true,
  });
  const password = (group: string) =>
    inputNode(
      group,
      { name: "password", type: "password", required: true, autocomplete: "new-password" },
      labels.password(),
      flow.nodeMessages.password ?? [],
    );
  if (flow.values.step === "credentials") {
    return [
      csrf,
      ...traitNodes(deps.config.schemas, schemaId, {
        group: "default",
        traits,
        nodeMessages: flow.nodeMessages,
        hidden: true,
      }),
      password("password"),
      inputNode("password", { name: "method", type: "submit", value: "password" }, labels.signUp()),
      inputNode("profile", { name: "screen", type: "submit", value: "previous" }, labels.back()),
    ];
  }
  return [
    ...providerNodes(deps.config.oidcProviders, "sign_up"),
    csrf,
    ...traitNodes(deps.config.schemas, schemaId, { group: "default", traits, nodeMessages: flow.nodeMessages }),
    ...(flow.nodeMessages.password ? [password("password")] : []),
    inputNode("profile", { name: "method", type: "submit", value: "profile" }, labels.signUp()),
  ];
}

export const encodeRegistrationFlow = (flow: SelfServiceFlowRecord, deps: KratosDeps): JsonObject => ({
  ...encodeFlowBase(flow, deps, { nodes: registrationNodes(flow, deps) }),
  organization_id: null,
});
