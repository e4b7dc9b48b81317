/** New identifiers for aggregates (UUIDs in production). */
export abstract class IdGenerator {
  abstract next(): string;
}
