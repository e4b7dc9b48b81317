/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the API is when the portal is served from another origin (default: /graphql on its own). */
  readonly VITE_FLEXPORTAL_API_URL?: string;
}
