import { randomUUID } from 'node:crypto';
import { IdGenerator } from '../../application/ports/id-generator';

export class UuidIdGenerator extends IdGenerator {
  next(): string {
    return randomUUID();
  }
}
