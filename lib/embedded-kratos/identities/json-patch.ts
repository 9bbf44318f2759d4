import { badRequest } from "../errors";
import { isObject, type JsonObject } from "../http";

/**
 * RFC 6902 JSON Patch as Kratos applies it (oryx/jsonx ApplyJSONPatch over evanphx/json-patch): only
 * add, remove and replace; `replace` of a non-element path behaves as `add`; `add` creates missing
 * parent objects; the deny-list is checked per operation, case-insensitively.
 */
export interface PatchOp {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
  raw: JsonObject;
}

const KNOWN_KINDS = ["add", "remove", "replace", "move", "copy", "test"];

const decode = (seg: string) => seg.replace(/~1/g, "/").replace(/~0/g, "~");

function parsePointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw patchError(`invalid JSON pointer "${path}"`);
  return path.slice(1).split("/").map(decode);
}

/** Every patch failure: herodot's 400 with this reason and the library's text as the message. */
export const patchError = (detail: string) => badRequest("An error occured when applying the JSON patch", detail);

/** Matches `/credentials/oidc/**`-style deny patterns. */
export function isDenied(path: string, denied: readonly string[]): boolean {
  const p = path.toLowerCase();
  return denied.some((d) => (d.endsWith("/**") ? p.startsWith(d.slice(0, -2)) : p === d.toLowerCase()));
}

const sortedJson = (o: JsonObject) =>
  JSON.stringify(
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    ),
  );

export function parsePatch(raw: unknown): PatchOp[] {
  if (!Array.isArray(raw)) throw patchError("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  return raw.map((op) => {
    if (!isObject(op) || typeof op.op !== "string" || typeof op.path !== "string") {
      throw patchError("invalid patch operation");
    }
    return {
      op: op.op,
      path: op.path,
      from: typeof op.from === "string" ? op.from : undefined,
      value: op.value,
      raw: op,
    };
  });
}

const isElementAccess = (path: string) => /\/(-|\d+)$/.test(path);

/** Applies ops to a deep copy of doc; any failure leaves the original untouched. */
export function applyPatch(doc: JsonObject, ops: PatchOp[], denied: readonly string[]): JsonObject {
  for (const op of ops) {
    if (!KNOWN_KINDS.includes(op.op))
      throw patchError(`invalid operation ${sortedJson(op.raw)}: unsupported operation`);
    if (!["add", "remove", "replace"].includes(op.op)) throw patchError(`unsupported operation: ${op.op}`);
    if (isDenied(op.path, denied)) throw patchError(`patch includes denied path: ${op.path}`);
  }
  let root: unknown = structuredClone(doc);
  for (const op of ops) root = applyOne(root, op);
  if (!isObject(root)) throw patchError("the patched document is not an object");
  return root;
}

function applyOne(root: unknown, op: PatchOp): unknown {
  const tokens = parsePointer(op.path);
  if (op.op === "remove") {
    if (!has(root, tokens))
      throw patchError(`remove operation does not apply: doc is missing path: "${op.path}": missing value`);
    return remove(root, tokens);
  }
  if (op.op === "replace" && isElementAccess(op.path)) {
    if (!has(root, tokens))
      throw patchError(`replace operation does not apply: doc is missing key: ${op.path}: missing value`);
    return add(remove(root, tokens), tokens, op.value);
  }
  return add(root, tokens, op.value);
}

function child(cur: unknown, t: string): unknown {
  if (Array.isArray(cur) && /^\d+$/.test(t)) return cur[Number(t)];
  if (isObject(cur) && Object.hasOwn(cur, t)) return cur[t];
  return undefined;
}

function has(root: unknown, tokens: string[]): boolean {
  let cur = root;
  for (const t of tokens) {
    if (!(Array.isArray(cur) ? /^\d+$/.test(t) && Number(t) < cur.length : isObject(cur) && Object.hasOwn(cur, t)))
      return false;
    cur = child(cur, t);
  }
  return true;
}

/** `add` with EnsurePathExistsOnAdd: missing (or null) parents become objects. */
function add(root: unknown, tokens: string[], value: unknown): unknown {
  if (tokens.length === 0) return value;
  if (!isObject(root) && !Array.isArray(root))
    throw patchError(`add operation does not apply: doc is missing path: "/${tokens.join("/")}"`);
  let parent: unknown = root;
  for (const t of tokens.slice(0, -1)) {
    let next = child(parent, t);
    if (next === undefined || next === null) {
      if (!isObject(parent))
        throw patchError(`add operation does not apply: doc is missing path: "/${tokens.join("/")}"`);
      next = {};
      parent[t] = next;
    }
    parent = next;
  }
  const key = tokens[tokens.length - 1] ?? "";
  if (Array.isArray(parent)) {
    const idx = key === "-" ? parent.length : Number(key);
    if (!/^\d+$|^-$/.test(key) || idx > parent.length)
      throw patchError(`add operation does not apply: doc is missing path: "/${tokens.join("/")}"`);
    parent.splice(idx, 0, value);
  } else if (isObject(parent)) {
    parent[key] = value;
  } else {
    throw patchError(`add operation does not apply: doc is missing path: "/${tokens.join("/")}"`);
  }
  return root;
}

function remove(root: unknown, tokens: string[]): unknown {
  if (tokens.length === 0) return null;
  let parent = root;
  for (const t of tokens.slice(0, -1)) parent = child(parent, t);
  const key = tokens[tokens.length - 1] ?? "";
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (isObject(parent)) delete parent[key];
  return root;
}
