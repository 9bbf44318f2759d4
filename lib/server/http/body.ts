import "server-only";
import { ApiError } from "@/lib/server/http/errors";

export const SINGLE_OP_LIMIT = 64 * 1024;
export const IMPORT_LIMIT = 2 * 1024 * 1024;

/** Reads a JSON body with a byte cap enforced while streaming (Content-Length can lie or be absent). */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!req.body) return undefined;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("invalid_request", "The body is not valid JSON.");
  }
}

function tooLarge(limit: number): ApiError {
  return new ApiError("payload_too_large", `The body is larger than ${Math.round(limit / 1024)} KiB.`);
}
