import type { UiMessage } from "../store/types";

/** Kratos text ids and texts (kratos:text/message_*.go) used by the login flow. */
export const messages = {
  invalidCredentials: (): UiMessage => ({
    id: 4000006,
    text: "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.",
    type: "error",
  }),
  missingProperty: (property: string): UiMessage => ({
    id: 4000002,
    text: `Property ${property} is missing.`,
    type: "error",
    context: { property },
  }),
  noStrategy: (): UiMessage => ({
    id: 4010002,
    text: "Could not find a strategy to log you in with. Did you fill out the form correctly?",
    type: "error",
  }),
  generic: (reason: string): UiMessage => ({ id: 4000001, text: reason, type: "error", context: { reason } }),
  flowExpired: (minutes: number, expiredAtUnix: number): UiMessage => ({
    id: 4010001,
    text: `The login flow expired ${minutes.toFixed(2)} minutes ago, please try again.`,
    type: "error",
    context: { expired_at_unix: expiredAtUnix },
  }),
};

/** flow.EnsureCSRF texts for API flows that carry browser headers (kratos:selfservice/flow/request.go). */
export const CSRF_ORIGIN_REASON =
  'The HTTP Request Header included the "Origin" key, indicating that this request was made as part of an AJAX request in a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation.';
export const CSRF_COOKIE_REASON =
  'The HTTP Request Header included the "Cookie" key, indicating that this request was made by a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation.';
