/**
 * Every TypeORM entity class of the application, registered with the DataSource.
 * Each feature adds its own ORM classes here.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ormEntities: Function[] = [];
