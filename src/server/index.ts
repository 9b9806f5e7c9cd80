/** The HTTP API and its OpenAPI description. */
export { type AppOptions, createApp } from './app.ts';
export { openApiDocument } from './openapi.ts';
