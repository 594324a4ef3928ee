import { describe, expect, it } from "vitest";
import { publicUrlSettings } from "./public-url.ts";
import { parseSettings, settingFacts } from "./settings.ts";

const read = (value?: string) => parseSettings(publicUrlSettings, { MATURITY_PUBLIC_URL: value });

describe("MATURITY_PUBLIC_URL", () => {
  it("defaults to the single process's address, and the docs can say so", () => {
    expect(read().MATURITY_PUBLIC_URL).toBe("http://localhost:3000");
    expect(settingFacts(publicUrlSettings.MATURITY_PUBLIC_URL).defaultValue).toBe("http://localhost:3000");
  });

  it("keeps a path prefix and drops trailing slashes, so links never get a double one", () => {
    expect(read("https://maturity.example.com/").MATURITY_PUBLIC_URL).toBe("https://maturity.example.com");
    expect(read("http://proxy.example:8080/maturity//").MATURITY_PUBLIC_URL).toBe(
      "http://proxy.example:8080/maturity",
    );
  });

  it.each([
    "maturity.example.com",
    "ftp://maturity.example.com",
    "https://x.example/?a=1",
    "https://x.example/#top",
  ])("refuses %s, naming the setting", (value) => {
    expect(() => read(value)).toThrow(/^invalid configuration: MATURITY_PUBLIC_URL: expected/);
  });
});
