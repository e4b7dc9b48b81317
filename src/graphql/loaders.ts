/**
 * The DataLoaders of one request (each batches `findByIds` of one aggregate, scoped to the
 * viewer's agency). Every field that crosses to another aggregate goes through one of these.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export type LoadersFactory = (agencyId: string | undefined) => Loaders;
