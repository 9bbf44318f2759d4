import js from "@eslint/js";
import tseslint from "typescript-eslint";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";

const serverFence = {
  group: ["@/lib/server", "@/lib/server/*", "**/lib/server/*"],
  message: "lib/server is server-only: never import it from client code or the embedded Kratos.",
};
const oryFence = {
  name: "@ory/client",
  message: "@ory/client is only used in lib/server/kratos (the one Kratos module).",
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench/.work/**",
      "*.config.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      // route() takes async handlers by design; some have nothing to await.
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@next/next/no-html-link-for-pages": "off",
      "no-restricted-imports": ["error", { paths: [oryFence] }],
    },
  },
  // The one Kratos module may use the SDK; contract tests drive Kratos through it too.
  {
    files: [
      "lib/server/kratos/**",
      "**/*.test.ts",
      "lib/testing/**",
      "lib/real-kratos/differential/**",
      "bench/**",
      "scripts/**",
      "e2e/**",
    ],
    rules: { "no-restricted-imports": "off" },
  },
  // Client code and the embedded Kratos never reach into lib/server.
  {
    files: [
      "components/**",
      "lib/client/**",
      "lib/schemas/**",
      "lib/utils.ts",
      "lib/session-cookie.ts",
      "lib/shared-config.ts",
      "lib/host-guard.ts",
      "lib/csp.ts",
      "middleware.ts",
    ],
    rules: { "no-restricted-imports": ["error", { paths: [oryFence], patterns: [serverFence] }] },
  },
  {
    files: ["lib/embedded-kratos/**"],
    // Its tests may use the shared test helpers (lib/testing); the server itself imports nothing from the app.
    ignores: ["lib/embedded-kratos/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "next", "next/*", "react", "react-dom", "server-only"],
              message: "The embedded Kratos imports nothing from the app or Next.",
            },
            { group: ["../**/lib/*", "../../*"], message: "The embedded Kratos stays inside lib/embedded-kratos." },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
      },
    },
  },
);
