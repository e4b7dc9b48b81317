/** `YYYY-MM-DD` calendar dates: the format at the edge, the calendar in the domain (see scalars.ts). */
export { LocalDateScalar } from './scalars';
