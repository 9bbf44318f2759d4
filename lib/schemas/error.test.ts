import { describe, expect, it } from "vitest";
import { describeIssue, describeIssues, fieldLabel } from "@/lib/schemas/error";

describe("validation messages for people", () => {
  it("names the field as a person would and makes a sentence", () => {
    expect(fieldLabel("password")).toBe("Password");
    expect(fieldLabel("body.traits.name.first")).toBe("Name (first)");
    expect(fieldLabel("users.3.email")).toBe("Users (email)");
    expect(describeIssue({ path: "password", message: "is too common; choose a less guessable password" })).toBe(
      "Password is too common; choose a less guessable password.",
    );
    expect(describeIssue({ path: "email", message: "must be a valid email address" })).toBe(
      "Email must be a valid email address.",
    );
    expect(describeIssue({ path: "state", message: "Invalid option: expected one of …" })).toBe(
      "State: Invalid option: expected one of.",
    );
    expect(describeIssue({ path: "", message: "nothing to update" })).toBe("Nothing to update.");
  });

  it("says how many more problems there are, never 'Invalid body.' when it knows better", () => {
    expect(
      describeIssues(
        [
          { path: "password", message: "is too short" },
          { path: "email", message: "is required" },
        ],
        "Invalid body.",
      ),
    ).toBe("Password is too short. (1 more problem.)");
    expect(describeIssues([], "Invalid body.")).toBe("Invalid body.");
  });
});
