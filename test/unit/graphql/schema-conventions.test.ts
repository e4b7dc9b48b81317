import { GraphQLSchema } from 'graphql';
import { buildSchemaForPrinting } from '../../../src/composition-root';
import {
  connectionOffenders,
  growingListOffenders,
  missingDescriptionOffenders,
  mutationShapeOffenders,
  namingOffenders,
} from './schema-lint';

/*
 * The schema lint (issue 9) on the executable schema, built as the server and `npm run
 * schema:print` build it. A failure lists every offender by `Type.field`; the rules and their
 * allow-lists are in schema-lint.ts.
 */
describe('schema conventions', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildSchemaForPrinting();
  });

  it('every mutation returns its own <Name>Payload and takes input: <Name>Input! (logout: nothing)', () => {
    expect(mutationShapeOffenders(schema)).toEqual([]);
  });

  it('lists of entities that can grow are connections with first/after (or bounded, and say why)', () => {
    expect(growingListOffenders(schema)).toEqual([]);
  });

  it('connections take first/after and have edges, nodes and pageInfo', () => {
    expect(connectionOffenders(schema)).toEqual([]);
  });

  it('types are PascalCase, fields and arguments camelCase, enum values UPPER_CASE', () => {
    expect(namingOffenders(schema)).toEqual([]);
  });

  it('every type, field, argument and input field has a description', () => {
    expect(missingDescriptionOffenders(schema)).toEqual([]);
  });
});
