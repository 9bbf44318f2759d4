import { badRequest } from "../errors";
import { isObject, type JsonObject } from "../http";

/** RFC 6902 JSON Patch over plain JSON values; Kratos's deny-list is checked before applying. */
export interface PatchOp {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

const decode = (seg: string) => seg.replace(/~1/g, "/").replace(/~0/g, "~");

function parsePointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw patchError(`invalid JSON pointer "${path}"`);
  return path.slice(1).split("/").map(decode);
}

const patchError = (detail: string) =>
  badRequest("An error occured when applying the JSON patch", detail);

/** Matches `/credentials/oidc/**`-style deny patterns. */
export function isDenied(path: string, denied: readonly string[]): boolean {
  return denied.some((d) => (d.endsWith("/**") ? path.startsWith(d.slice(0, -2)) : path === d));
}

export function parsePatch(raw: unknown): PatchOp[] {
  if (!Array.isArray(raw)) throw patchError("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  return raw.map((op) => {
    if (!isObject(op) || typeof op.op !== "string" || typeof op.path !== "string") {
      throw patchError("invalid patch operation");
    }
    return { op: op.op, path: op.path, from: typeof op.from === "string" ? op.from : undefined, value: op.value };
  });
}

/** Applies ops to a deep copy of doc; any failure leaves the original untouched. */
export function applyPatch(doc: JsonObject, ops: PatchOp[], denied: readonly string[]): JsonObject {
  for (const op of ops) {
    if (isDenied(op.path, denied)) throw badRequest(undefined, `patch includes denied path: ${op.path}`);
    if (op.from !== undefined && isDenied(op.from, denied)) {
      throw badRequest(undefined, `patch includes denied path: ${op.from}`);
    }
  }
  let root: unknown = structuredClone(doc);
  for (const op of ops) root = applyOne(root, op);
  if (!isObject(root)) throw patchError("the patched document is not an object");
  return root;
}

function applyOne(root: unknown, op: PatchOp): unknown {
  switch (op.op) {
    case "add":
      return add(root, parsePointer(op.path), op.value);
    case "remove":
      return remove(root, parsePointer(op.path)).root;
    case "replace": {
      const tokens = parsePointer(op.path);
      get(root, tokens);
      return add(remove(root, tokens).root, tokens, op.value);
    }
    case "move": {
      const { root: r, value } = remove(root, parsePointer(op.from ?? ""));
      return add(r, parsePointer(op.path), value);
    }
    case "copy":
      return add(root, parsePointer(op.path), structuredClone(get(root, parsePointer(op.from ?? ""))));
    case "test":
      if (JSON.stringify(get(root, parsePointer(op.path))) !== JSON.stringify(op.value)) {
        throw patchError(`testing value ${op.path} failed`);
      }
      return root;
    default:
      throw patchError(`Unexpected kind: ${op.op}`);
  }
}

function get(root: unknown, tokens: string[]): unknown {
  let cur = root;
  for (const t of tokens) {
    if (Array.isArray(cur) && /^\d+$/.test(t) && Number(t) < cur.length) cur = cur[Number(t)];
    else if (isObject(cur) && Object.hasOwn(cur, t)) cur = cur[t];
    else throw patchError(`path "/${tokens.join("/")}" does not exist`);
  }
  return cur;
}

function add(root: unknown, tokens: string[], value: unknown): unknown {
  if (tokens.length === 0) return value;
  const parent = get(root, tokens.slice(0, -1));
  const key = tokens[tokens.length - 1] ?? "";
  if (Array.isArray(parent)) {
    const idx = key === "-" ? parent.length : Number(key);
    if (!/^\d+$|^-$/.test(key) || idx > parent.length) throw patchError(`invalid index ${key}`);
    parent.splice(idx, 0, value);
  } else if (isObject(parent)) {
    parent[key] = value;
  } else {
    throw patchError(`cannot add to a non-container at "/${tokens.join("/")}"`);
  }
  return root;
}

function remove(root: unknown, tokens: string[]): { root: unknown; value: unknown } {
  const value = get(root, tokens);
  if (tokens.length === 0) return { root: null, value };
  const parent = get(root, tokens.slice(0, -1));
  const key = tokens[tokens.length - 1] ?? "";
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (isObject(parent)) delete parent[key];
  return { root, value };
}
