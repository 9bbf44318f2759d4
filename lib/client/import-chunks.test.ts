import { describe, expect, it } from "vitest";
import { IMPORT_CHUNK, nextChunkSize } from "@/lib/client/import-rows";

// Issue 18, item 7: the import's progress bar moves at least once a second, so each chunk is sized to answer
// within about 0.8 s from the last chunk's time per row (hashing plaintext passwords is slow, dry runs are fast).
describe("import chunk sizing", () => {
  it("sizes chunks to about 0.8 s of work, between 1 row and the chunk limit", () => {
    expect(nextChunkSize(250)).toBe(3); // bcrypt cost 12 on a busy 2-core machine
    expect(nextChunkSize(40)).toBe(20);
    expect(nextChunkSize(2)).toBe(IMPORT_CHUNK); // a dry run: the whole limit
    expect(nextChunkSize(5000)).toBe(1); // never zero, even when one row takes longer than a second
    expect(nextChunkSize(0)).toBe(IMPORT_CHUNK);
  });
});
