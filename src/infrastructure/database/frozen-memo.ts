/**
 * Values that never change once stored (a declaration's breakdown), kept by key in this process:
 * right in any number of processes, since nothing can make a kept value stale. Each is frozen
 * deeply when kept, so that no reader can change what the others read. The oldest is forgotten
 * first past `capacity`.
 */
export class FrozenMemo<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  keep(key: string, value: T): void {
    if (this.entries.has(key)) return;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, deepFreeze(value));
  }
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
