import type { Config } from "tailwindcss";

// Theme tokens live here; globals.css loads this file with @config.
const config: Config = {
  darkMode: "class",
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: { extend: {} },
};

export default config;
