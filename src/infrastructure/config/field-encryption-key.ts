import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Config, ConfigError } from './config';

const KEY_FILE = 'field-encryption.key';

/**
 * The AES-256 key for BSN and IBAN. From FIELD_ENCRYPTION_KEY when set. With the embedded
 * database and no key configured, one is generated once and kept next to the data (both live
 * and die together in DATA_DIR). A real database needs the key configured: a key that vanished
 * with a container would make every stored BSN unreadable.
 */
export function resolveFieldEncryptionKey(config: Config): Buffer {
  if (config.fieldEncryptionKey) return Buffer.from(config.fieldEncryptionKey, 'base64');
  if (config.databaseUrl) {
    throw new ConfigError('FIELD_ENCRYPTION_KEY is required with DATABASE_URL (32 bytes in base64: `openssl rand -base64 32`)');
  }
  const file = path.join(config.dataDir, KEY_FILE);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
