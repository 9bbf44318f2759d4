import { findKratosBinary } from "./binary";

/** Prints the Kratos binary as JSON on the last line ({"path":…} or {"path":null,"reason":…}); builds if it must. */
const found = findKratosBinary({ build: !process.argv.includes("--no-build") });
console.log(JSON.stringify(found));
