/**
 * Every migration, committed and run in timestamp order by TypeORM (never `synchronize`).
 * Each feature adds its migration class here.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const migrations: Function[] = [];
