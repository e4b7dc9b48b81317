import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Placement } from '../../domain/placement/placement.entity';
import { GraphQLContext } from '../context';
import { HourKindTotalType, HourLineType, HourTotalType } from './breakdown.types';

/*
 * Labels are presentation: the engine and the declarations keep codes, kinds and percentages, and
 * the text is made here, per request, in the viewer's language (the `labels` namespace). A
 * placement's own label for a manual hour code comes first; it is the agency's wording and is
 * not translated. The placement is read through the request's loader (one read for every week).
 */

type Translate = GraphQLContext['translate'];

/** The placement's label of the code, else the kind and percentage in words ("Overwerk 125%"). */
export function hourCodeLabel(
  line: { readonly hourCode: string; readonly kind: string; readonly percentage: number },
  placement: Placement | null,
  translate: Translate,
): string {
  const source = placement?.hourSource;
  const own = source?.kind === 'MANUAL_HOUR_CODES' ? source.hourCodes.find((c) => c.code === line.hourCode)?.label : null;
  if (own) return own;
  return translate(`labels:hourCode.${line.kind}`, { percentage: line.percentage }) ?? line.hourCode;
}

/** The kind in words ("Overwerk"). */
export function hourKindLabel(kind: string, translate: Translate): string {
  return translate(`labels:hourKind.${kind}`, {}) ?? kind;
}

async function placementOf(placementId: string | null, ctx: GraphQLContext): Promise<Placement | null> {
  return placementId === null ? null : ctx.loaders.placements.load(placementId);
}

const LABEL = {
  description:
    "The hour code in the viewer's language: the placement's label for it where the placement has one (manual hour codes), else its kind and percentage in words, e.g. \"Overtime 125%\", \"Irregular hours 50%\".",
};

@Resolver(() => HourLineType)
export class HourLineLabelResolver {
  @FieldResolver(() => String, LABEL)
  async label(@Root() line: HourLineType, @Ctx() ctx: GraphQLContext): Promise<string> {
    return hourCodeLabel(line, await placementOf(line.placementId, ctx), ctx.translate);
  }
}

@Resolver(() => HourTotalType)
export class HourTotalLabelResolver {
  @FieldResolver(() => String, LABEL)
  async label(@Root() total: HourTotalType, @Ctx() ctx: GraphQLContext): Promise<string> {
    return hourCodeLabel(total, await placementOf(total.placementId, ctx), ctx.translate);
  }
}

@Resolver(() => HourKindTotalType)
export class HourKindTotalLabelResolver {
  @FieldResolver(() => String, { description: "The kind in the viewer's language, e.g. \"Overtime\", \"Irregular hours\"." })
  label(@Root() total: HourKindTotalType, @Ctx() ctx: GraphQLContext): string {
    return hourKindLabel(total.kind, ctx.translate);
  }
}
