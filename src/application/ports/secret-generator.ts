/**
 * Bearer tokens and API keys: random secrets (at least 128 bits) and their one-way hash. The
 * secrets are long and random, so a fast hash (SHA-256) is enough to store them safely.
 */
export abstract class SecretGenerator {
  /** A new secret, e.g. `fps_…` for sessions or `fpk_…` for API keys. */
  abstract secret(prefix: string): string;
  abstract hash(secret: string): string;
}
