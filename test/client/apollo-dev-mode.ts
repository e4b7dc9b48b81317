/*
 * Import this module before anything from @apollo/client. Under jest, Node resolves Apollo's
 * `utilities/environment` with the `require` condition only, and that build takes __DEV__ from
 * globalThis: without this, Apollo stays silent and the test could not see the warnings a front
 * end sees in development ("Cache data may be lost when replacing the … field").
 */
(globalThis as { __DEV__?: boolean }).__DEV__ = true;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const dev = require('@apollo/client/dev') as typeof import('@apollo/client/dev');
// The full texts of Apollo's numbered warnings and errors, as a developer's console shows them.
dev.loadDevMessages();
dev.loadErrorMessages();

export {};
