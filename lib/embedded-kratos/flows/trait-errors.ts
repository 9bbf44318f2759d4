import type { KratosDeps } from "../deps";
import { KratosError } from "../errors";
import type { JsonObject } from "../http";
import type { UiMessage } from "../store/types";
import { flowMessages } from "./flow-messages";

/**
 * Trait validation as a flow shows it: the schema error is attached to the offending node
 * (`traits.email`) with Kratos's message ids (4000002 missing, 4000040 e-mail format), else
 * as a flow-level message.
 */
export function traitErrors(
  deps: KratosDeps,
  schemaId: string,
  traits: JsonObject,
): { messages: UiMessage[]; nodeMessages: Record<string, UiMessage[]> } | undefined {
  try {
    deps.config.schemas.validateTraits(schemaId, traits);
    return undefined;
  } catch (err) {
    if (!(err instanceof KratosError)) throw err;
    const reason = err.fields.reason ?? "";
    const missing = /^I\[#\/traits((?:\/[^\]]*)?)\] S\[[^\]]*\/required\] missing properties: "([^"]+)"/.exec(reason);
    if (missing) {
      const parent = (missing[1] ?? "").split("/").filter(Boolean).join(".");
      const prop = missing[2] ?? "";
      return {
        messages: [],
        nodeMessages: { [["traits", parent, prop].filter(Boolean).join(".")]: [flowMessages.missingProperty(prop)] },
      };
    }
    const at = /I\[#\/traits\/([^\]]*)\] S\[[^\]]*\/format\] .*email/.exec(reason);
    if (at) {
      const path = (at[1] ?? "").split("/");
      const name = ["traits", ...path].join(".");
      let value: unknown = traits;
      for (const p of path) value = typeof value === "object" && value !== null ? (value as JsonObject)[p] : undefined;
      return { messages: [], nodeMessages: { [name]: [flowMessages.invalidEmail(String(value))] } };
    }
    const instance = /^I\[#\/traits\/([^\]]*)\]/.exec(reason);
    const firstLine = reason.split("\n")[0] ?? reason;
    const text = firstLine.replace(/^I\[[^\]]*\] S\[[^\]]*\] /, "");
    if (instance)
      return {
        messages: [],
        nodeMessages: {
          [`traits.${(instance[1] ?? "").split("/").join(".")}`]: [
            { id: 4000001, text, type: "error", context: { reason: text } },
          ],
        },
      };
    return { messages: [flowMessages.generic(text)], nodeMessages: {} };
  }
}
