/**
 * Lets a child process run the TypeScript sources directly (`node -r ./test/support/swc-register.js
 * src/main.ts`), compiled by swc with the same settings as jest. Used by tests that start the
 * real entry point as its own process (the embedded PostgreSQL cannot be loaded inside jest).
 */
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

Module._extensions['.ts'] = function compile(module, filename) {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...options, filename });
  module._compile(code, filename);
};
