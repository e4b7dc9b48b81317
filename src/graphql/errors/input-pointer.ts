import { ArgumentNode, GraphQLError, Kind, parse, Source, ValueNode, visit } from 'graphql';

/*
 * Where in the input a refused value sits, in the domain's style (`days[1].total`), whether it was
 * written inline (graphql-js refuses it while validating, pointing at the literal) or sent as a
 * variable (refused while coercing, with the place inside the variable in its message). Both are
 * read back to the argument that holds the value, so the two answer with the same path.
 */

type Segment = string | number;

/** The input path of a value refused inline: the literal at the error's position. */
export function literalPointer(error: GraphQLError): string | undefined {
  const position = error.positions?.[0];
  if (!error.source || position === undefined) return undefined;
  return relative(findInArguments(error.source, (node) => node.kind !== Kind.VARIABLE && node.loc?.start === position));
}

/**
 * The input path of a value refused in a variable: where the document uses the variable, then
 * the place inside it that graphql-js names (`Variable "$input" got invalid value … at
 * "input.days[1].total"; …`). Without the document, the path inside the variable.
 */
export function variablePointer(error: GraphQLError): string | undefined {
  const prefix = withoutReason(error);
  const named = VARIABLE_AT.exec(prefix) ?? VARIABLE.exec(prefix) ?? MISSING_VARIABLE.exec(error.message);
  if (!named) return undefined;
  const [, variable, inner = ''] = named;
  const innerSegments = segmentsOf(inner);
  const usage = error.source ? findInArguments(error.source, (node) => node.kind === Kind.VARIABLE && node.name.value === variable) : undefined;
  return relative([...(usage ?? [variable]), ...innerSegments]);
}

/*
 * graphql-js 16: `Variable "$v" got invalid value <inspect(value)>[ at "v.a[0].b"]; <reason>`.
 * The reason is the refusing error's own message (and may quote the value as it came); without it,
 * the value is printed with its quotes escaped, so ` at "` then the variable's own name, a path of
 * names and indexes and a closing quote at the very end only ever stand where graphql-js put them.
 */
const VARIABLE_AT = /^Variable "\$(\w+)" got invalid value .* at "\1((?:\.\w+|\[\d+\])*)"$/s;
const VARIABLE = /^Variable "\$(\w+)" got invalid value /;
const MISSING_VARIABLE = /^Variable "\$(\w+)" of (?:non-null|required) type "[^"]+" (?:must not be null|was not provided)\.$/;

/** The message up to the reason graphql-js appended (that of the error it wraps). */
function withoutReason(error: GraphQLError): string {
  let reason = error.originalError?.message;
  // Apollo's BAD_USER_INPUT keeps graphql-js's error's cause, so the appended reason may be one level further in.
  for (let current = error.originalError; reason !== undefined && !error.message.endsWith(`; ${reason}`) && current; ) {
    current = current instanceof GraphQLError ? current.originalError : undefined;
    reason = current?.message;
  }
  return reason !== undefined && error.message.endsWith(`; ${reason}`) ? error.message.slice(0, -(reason.length + 2)) : error.message;
}

function segmentsOf(inner: string): Segment[] {
  return [...inner.matchAll(/\.(\w+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

/**
 * The path, from the field's argument, of the first value node in an argument of the document
 * that `matches`. Reading the document again costs a parse, paid only by a refused request (whose
 * size the parser's token limit already bounds).
 */
function findInArguments(source: Source, matches: (node: ValueNode) => boolean): Segment[] | undefined {
  let document;
  try {
    document = parse(source);
  } catch {
    return undefined;
  }
  let found: Segment[] | undefined;
  visit(document, {
    Argument(node: ArgumentNode) {
      found ??= findInValue(node.value, [node.name.value], matches);
      return false;
    },
  });
  return found;
}

function findInValue(node: ValueNode, path: Segment[], matches: (node: ValueNode) => boolean): Segment[] | undefined {
  if (matches(node)) return path;
  if (node.kind === Kind.LIST) {
    for (const [index, item] of node.values.entries()) {
      const found = findInValue(item, [...path, index], matches);
      if (found) return found;
    }
  }
  if (node.kind === Kind.OBJECT) {
    for (const field of node.fields) {
      const found = findInValue(field.value, [...path, field.name.value], matches);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Relative to the input object (`input.days[1].total` → `days[1].total`), as the domain's paths
 * are; a value that is the argument itself keeps the argument's name (`week`).
 */
function relative(path: Segment[] | undefined): string | undefined {
  if (!path || path.length === 0) return undefined;
  const [first, ...rest] = path;
  // A list argument's element keeps the list's name (`ids[2]`).
  if (rest.length === 0 || typeof rest[0] === 'number') return [first, ...rest].map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  return rest.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
