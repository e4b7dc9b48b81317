import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInterfaceType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';

/*
 * The schema lint of issue 9: the naming and shape conventions a front end relies on, checked on
 * a built schema. Each rule returns every offender, named `Type.field` (an argument
 * `Type.field(arg:)`), with what is wrong, so a failing test says what to fix. An empty list passes.
 */

type FieldOwner = GraphQLObjectType | GraphQLInterfaceType;

/**
 * Lists of entities that stay small whatever the data, so a plain list is fine. Every other list
 * of entities (or of their ids) on a query or object field is a connection. Say why when adding one.
 */
export const BOUNDED_LISTS: Readonly<Record<string, string>> = {
  // One version per approval by whoever enters the hours or correction by staff of ONE week:
  // people act on a week a handful of times, so a week never holds more than a few.
  'Timesheet.declarations': "a week's declaration versions: one per approval or correction of that week",
  // One entry per staff correction of ONE week's approved hours: a handful at most.
  'Timesheet.auditTrail': "the changes to one week's approved hours, one per staff correction",
  // Staff create a key per payroll system and rotate it now and then; revoked keys stay listed for
  // the audit. An agency holds a handful to a few dozen in its lifetime, so one page always fits.
  'Query.apiClients': "an agency's payroll API keys, revoked ones included: a handful per payroll system",
};

/** Mutations that take no input at all: the bearer token says everything. */
export const MUTATIONS_WITHOUT_INPUT: readonly string[] = ['logout'];

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
const CAMEL_CASE = /^[a-z][A-Za-z0-9]*$/;
const UPPER_CASE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** The types this schema defines: neither introspection nor the five built-in scalars. */
function ownTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap())
    .filter((t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function fieldOwners(schema: GraphQLSchema): FieldOwner[] {
  return ownTypes(schema).filter((t): t is FieldOwner => isObjectType(t) || isInterfaceType(t));
}

function fieldsOf(owner: FieldOwner): GraphQLField<unknown, unknown>[] {
  return Object.values(owner.getFields());
}

function argumentName(owner: FieldOwner, field: GraphQLField<unknown, unknown>, arg: GraphQLArgument): string {
  return `${owner.name}.${field.name}(${arg.name}:)`;
}

const capitalised = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * Every mutation returns its own payload object, `<MutationName>Payload!`, so it can grow (the
 * changed objects, the list entries it touched) without breaking clients; and takes exactly one
 * argument, `input: <MutationName>Input!` (MUTATIONS_WITHOUT_INPUT take none).
 */
export function mutationShapeOffenders(schema: GraphQLSchema): string[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  const offenders: string[] = [];
  for (const field of fieldsOf(mutation)) {
    const name = `Mutation.${field.name}`;
    const payload = `${capitalised(field.name)}Payload`;
    const returned = field.type;
    if (!(isNonNullType(returned) && isObjectType(returned.ofType) && returned.ofType.name === payload)) {
      offenders.push(`${name} returns ${String(returned)}, not ${payload}!`);
    }
    const args = field.args.map((a) => `${a.name}: ${String(a.type)}`);
    const expected = MUTATIONS_WITHOUT_INPUT.includes(field.name) ? [] : [`input: ${capitalised(field.name)}Input!`];
    if (args.join(', ') !== expected.join(', ')) {
      offenders.push(`${name} takes (${args.join(', ')}), not (${expected.join(', ')})`);
    }
  }
  return offenders;
}

/**
 * An entity is an object or interface type with `id: ID!`: a thing of its own, of which the data
 * can hold any number (Timesheet, Declaration, Placement, Relation, Flexworker, AuditEntry, …).
 */
function isEntity(type: GraphQLNamedType): boolean {
  if (!isObjectType(type) && !isInterfaceType(type)) return false;
  const id = type.getFields().id;
  return id !== undefined && isNonNullType(id.type) && getNamedType(id.type).name === 'ID';
}

/** A list of entities, or of ids (which name entities): what grows with the data. */
function isGrowingList(type: GraphQLOutputType): boolean {
  const nullable = getNullableType(type);
  if (!isListType(nullable)) return false;
  const item = getNamedType(nullable);
  return isEntity(item) || item.name === 'ID';
}

/** A connection's own lists are its page; a payload's lists are what one mutation touched. */
function holdsBoundedLists(owner: FieldOwner, schema: GraphQLSchema): boolean {
  return owner === schema.getMutationType() || /(Connection|Edge|Payload)$/.test(owner.name);
}

/**
 * A query or object field that gives a list of entities (or their ids) is a connection with
 * `first`/`after` paging, unless BOUNDED_LISTS says why it stays small. Lists inside connections
 * and mutation payloads are bounded by the page and by the mutation's input.
 */
export function growingListOffenders(schema: GraphQLSchema, bounded: Readonly<Record<string, string>> = BOUNDED_LISTS): string[] {
  const offenders: string[] = [];
  for (const owner of fieldOwners(schema)) {
    if (holdsBoundedLists(owner, schema)) continue;
    for (const field of fieldsOf(owner)) {
      const name = `${owner.name}.${field.name}`;
      if (isGrowingList(field.type) && bounded[name] === undefined) {
        offenders.push(`${name} returns ${String(field.type)}: make it a connection with first/after, or add it to BOUNDED_LISTS with why it stays small`);
      }
    }
  }
  for (const name of Object.keys(bounded)) {
    const [type, field] = name.split('.');
    const owner = schema.getType(type);
    const listed = owner && (isObjectType(owner) || isInterfaceType(owner)) ? owner.getFields()[field] : undefined;
    if (!listed || !isGrowingList(listed.type)) offenders.push(`${name} is in BOUNDED_LISTS but is no list of entities: remove it`);
  }
  return offenders;
}

/**
 * A field that returns an `…Connection` takes `first: Int` and `after: String`, and the connection
 * has `edges: [XEdge!]!` (each `cursor: String!`, `node: X!`), `nodes: [X!]!` and `pageInfo: PageInfo!`.
 */
export function connectionOffenders(schema: GraphQLSchema): string[] {
  const offenders: string[] = [];
  for (const owner of fieldOwners(schema)) {
    for (const field of fieldsOf(owner)) {
      const type = getNamedType(field.type);
      if (!type.name.endsWith('Connection')) continue;
      const name = `${owner.name}.${field.name}`;
      const args = new Map(field.args.map((a) => [a.name, String(a.type)]));
      if (args.get('first') !== 'Int') offenders.push(`${name} takes no first: Int`);
      if (args.get('after') !== 'String') offenders.push(`${name} takes no after: String`);
      if (isListType(getNullableType(field.type))) offenders.push(`${name} returns a list of connections`);
    }
  }
  for (const connection of fieldOwners(schema).filter((t) => t.name.endsWith('Connection'))) {
    offenders.push(...connectionShapeOffenders(schema, connection));
  }
  return offenders;
}

function connectionShapeOffenders(schema: GraphQLSchema, connection: FieldOwner): string[] {
  const node = connection.name.replace(/Connection$/, '');
  const edge = `${node}Edge`;
  const expected: Record<string, Record<string, string>> = {
    [connection.name]: { edges: `[${edge}!]!`, nodes: `[${node}!]!`, pageInfo: 'PageInfo!' },
    [edge]: { cursor: 'String!', node: `${node}!` },
  };
  const offenders: string[] = [];
  for (const [typeName, fields] of Object.entries(expected)) {
    const type = schema.getType(typeName);
    const actual = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : {};
    for (const [fieldName, fieldType] of Object.entries(fields)) {
      const found = actual[fieldName] ? String(actual[fieldName].type) : 'nothing';
      if (found !== fieldType) offenders.push(`${typeName}.${fieldName} is ${found}, not ${fieldType}`);
    }
  }
  return offenders;
}

/** Type names PascalCase; fields, arguments and input fields camelCase; enum values UPPER_CASE. */
export function namingOffenders(schema: GraphQLSchema): string[] {
  const offenders: string[] = [];
  const check = (name: string, pattern: RegExp, shown: string, style: string): void => {
    if (!pattern.test(name)) offenders.push(`${shown} is not ${style}`);
  };
  for (const type of ownTypes(schema)) {
    check(type.name, PASCAL_CASE, `type ${type.name}`, 'PascalCase');
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of fieldsOf(type)) {
        check(field.name, CAMEL_CASE, `${type.name}.${field.name}`, 'camelCase');
        for (const arg of field.args) check(arg.name, CAMEL_CASE, argumentName(type, field, arg), 'camelCase');
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(field.name, CAMEL_CASE, `${type.name}.${field.name}`, 'camelCase');
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(value.name, UPPER_CASE, `${type.name}.${value.name}`, 'UPPER_CASE');
    }
  }
  return offenders;
}

/**
 * Every type, field, argument and input field says what it is in a non-empty description. The
 * root types Query and Mutation are left out: their fields carry the meaning (and type-graphql
 * cannot describe them). Enum values may go without: the enum's description explains them. A
 * mutation's one `input` argument may go without too: the mutation's own description and that of
 * its `<Name>Input` type (which must have one) say what it takes.
 */
export function missingDescriptionOffenders(schema: GraphQLSchema): string[] {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const offenders: string[] = [];
  const check = (description: string | null | undefined, shown: string): void => {
    if (!description?.trim()) offenders.push(shown);
  };
  for (const type of ownTypes(schema)) {
    if (!roots.has(type as GraphQLObjectType)) check(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of fieldsOf(type)) {
        check(field.description, `${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (type === schema.getMutationType() && arg.name === 'input') continue;
          check(arg.description, argumentName(type, field, arg));
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(field.description, `${type.name}.${field.name}`);
    }
  }
  return offenders;
}
