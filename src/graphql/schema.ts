import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, ContainerType, NonEmptyArray } from 'type-graphql';
import './shared/enums';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ResolverClass = Function;

/**
 * Builds the executable schema from the resolver classes. Resolver instances come from the
 * composition root through `container`, so resolvers take their use cases in the constructor.
 */
export async function buildGraphqlSchema(
  resolvers: NonEmptyArray<ResolverClass>,
  container: ContainerType,
): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    container,
    validate: { forbidUnknownValues: false, skipMissingProperties: true },
    scalarsMap: [
      { type: Date, scalar: DateTimeResolver },
    ],
    orphanedTypes: [],
  });
}
