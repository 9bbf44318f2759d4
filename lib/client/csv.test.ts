import { describe, expect, it } from "vitest";
import { csvToObjects, parseCsv, toCsv } from "@/lib/client/csv";

describe("parseCsv", () => {
  it("handles quotes, escaped quotes, commas and newlines inside fields", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
    ]);
  });
  it("skips blank lines and a BOM, keeps empty cells", () => {
    expect(parseCsv("\uFEFFa,b\n\n1,\n")).toEqual([
      ["a", "b"],
      ["1", ""],
    ]);
  });
});

describe("csvToObjects", () => {
  it("maps header names and drops empty cells", () => {
    expect(csvToObjects("Email,password,name\na@x.io,,Ann\n")).toEqual([{ email: "a@x.io", name: "Ann" }]);
  });
});

describe("toCsv", () => {
  it("quotes when needed and neutralises formulas", () => {
    expect(toCsv(["a", "b"], [["x,y", "=1+1"]])).toBe('a,b\r\n"x,y",\'=1+1\r\n');
  });
  it("round-trips through parseCsv", () => {
    const text = toCsv(["email", "name"], [["a@x.io", 'Ann "A" Lee']]);
    expect(csvToObjects(text)).toEqual([{ email: "a@x.io", name: 'Ann "A" Lee' }]);
  });
});
