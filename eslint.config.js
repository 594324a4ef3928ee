// One lint config for the whole monorepo.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "infra/.kafka/**", "**/.data/**", "**/drizzle/meta/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // Configuration is read in one env.ts per app; nowhere else.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration in the app's env.ts." },
      ],
    },
  },
  {
    files: [
      "**/env.ts",
      "**/*.test.ts",
      "**/test/**",
      "**/bench/**",
      "**/vitest.config.ts",
      "**/drizzle.config.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
);
