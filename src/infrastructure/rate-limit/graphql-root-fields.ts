import { DefinitionNode, FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, SelectionSetNode } from 'graphql';

/** A top-level field an operation would run, with its `first` argument when it has a whole number. */
export interface RootField {
  readonly name: string;
  readonly first?: number;
}

type Payload = { readonly query?: unknown; readonly operationName?: unknown; readonly variables?: unknown };

/**
 * The top-level fields that a GraphQL request (a POST body, a GET's query string, or a batch of
 * them) would run, read before the server parses and validates it: fragments at the top are
 * followed, and each response key counts once, as GraphQL merges fields of the same key (two
 * aliases of `login` are two logins). Without an operation name every operation counts. An
 * unreadable document, or one over `maxTokens`, has none: the server refuses it unrun.
 */
export function rootFieldsOf(payload: unknown, maxTokens: number): RootField[] {
  if (Array.isArray(payload)) return payload.flatMap((one) => rootFieldsOf(one, maxTokens));
  if (typeof payload !== 'object' || payload === null) return [];
  const { query, operationName, variables } = payload as Payload;
  if (typeof query !== 'string') return [];
  let definitions: readonly DefinitionNode[];
  try {
    definitions = parse(query, { noLocation: true, maxTokens }).definitions;
  } catch {
    return [];
  }
  const operations = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const named = operations.filter((o) => typeof operationName === 'string' && o.name?.value === operationName);
  const fragments = new Map(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const values = variablesOf(variables);
  return (named.length > 0 ? named : operations).flatMap((operation) => {
    const walk = new RootWalk(fragments, values);
    walk.collect(operation.selectionSet);
    return walk.fields();
  });
}

/** The top-level fields of one operation: one per response key. */
class RootWalk {
  private readonly byKey = new Map<string, RootField>();
  private readonly expanded = new Set<string>();

  constructor(
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Readonly<Record<string, unknown>>,
  ) {}

  collect(selectionSet: SelectionSetNode): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        this.byKey.set((selection.alias ?? selection.name).value, this.field(selection));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        this.collect(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        // A fragment that spreads itself is refused by validation; here it is followed once.
        if (!fragment || this.expanded.has(name)) continue;
        this.expanded.add(name);
        this.collect(fragment.selectionSet);
      }
    }
  }

  fields(): RootField[] {
    return [...this.byKey.values()];
  }

  private field(node: FieldNode): RootField {
    const argument = node.arguments?.find((a) => a.name.value === 'first')?.value;
    let first: unknown;
    if (argument?.kind === Kind.INT) first = Number(argument.value);
    else if (argument?.kind === Kind.VARIABLE) first = this.variables[argument.name.value];
    return typeof first === 'number' && Number.isInteger(first) ? { name: node.name.value, first } : { name: node.name.value };
  }
}

/** A POST carries variables as an object, a GET as JSON text. */
function variablesOf(variables: unknown): Readonly<Record<string, unknown>> {
  let value = variables;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
