import { LocalDateResolver } from 'graphql-scalars';

/** `YYYY-MM-DD` calendar dates (graphql-scalars); the domain checks them again as LocalDate. */
export const LocalDateScalar = LocalDateResolver;
