import { notFoundHandlers } from "@/lib/server/handlers/not-found";

// ANY /api/*: unknown endpoints get a JSON 404 in the usual envelope
export const { GET, POST, PUT, PATCH, DELETE } = notFoundHandlers;
