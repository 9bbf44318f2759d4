// Prettier for the whole repo; the Tailwind plugin sorts class lists (style guide B10). `npm run format` applies it,
// `npm run lint` checks it.
export default {
  printWidth: 120,
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
};
