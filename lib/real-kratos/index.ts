export { findKratosBinary, type KratosBinary } from "./binary";
export { writeRealKratosConfig, renderTemplate, type RealKratosConfigOptions } from "./config";
export { startRealKratos, freePort, type RealKratos, type StartRealKratosOptions } from "./launch";
