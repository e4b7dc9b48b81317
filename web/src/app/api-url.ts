/*
 * Where the API is. Served by the server: /graphql and /uploads on the portal's own origin. Built
 * to be served elsewhere (its own origin, listed in the server's CORS_ORIGINS):
 * VITE_FLEXPORTAL_API_URL=https://api.example.com/graphql, and the other API paths beside it.
 */
export const GRAPHQL_URL: string = import.meta.env.VITE_FLEXPORTAL_API_URL || '/graphql';

/** An API path (e.g. `/uploads?…`) on the API's origin. */
export function apiUrl(pathAndQuery: string): string {
  return new URL(pathAndQuery, new URL(GRAPHQL_URL, window.location.href)).toString();
}
