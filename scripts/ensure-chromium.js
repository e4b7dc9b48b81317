/**
 * The browser tests (test/browser) drive Debian's chromium; npm's registry has no browser for
 * playwright-core to use. Before the tests, `npm test` installs it with apt-get where it may (as
 * root, with apt-get present, no CHROMIUM_PATH given), as `.ci/run` does; otherwise it says how,
 * and the browser tests fail with that message rather than being left out.
 */
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The chromium to drive: CHROMIUM_PATH, else Debian's (or another usual) place; undefined when there is none. */
function chromiumPath() {
  return CANDIDATES.find((candidate) => candidate && existsSync(candidate));
}

function found() {
  return chromiumPath() !== undefined;
}

function ensureChromium() {
  if (found()) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!root || !apt) {
    console.error('No chromium for the browser tests: install it (apt-get install chromium) or set CHROMIUM_PATH; those tests fail without it.');
    return;
  }
  console.log('Installing chromium for the browser tests (apt-get install chromium) ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (install.status !== 0 || !found()) console.error('chromium could not be installed: the browser tests will fail');
}

module.exports = { ensureChromium, chromiumPath };
