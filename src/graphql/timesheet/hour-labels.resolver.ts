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

/** The label with the placement the line carries (at once), else with the one its loader reads. */
function labelOf(
  line: { readonly hourCode: string; readonly kind: string; readonly percentage: number; readonly placementId: string | null; readonly placement?: Placement | null },
  ctx: GraphQLContext,
): string | Promise<string> {
  if (line.placement !== undefined || line.placementId === null) return hourCodeLabel(line, line.placement ?? null, ctx.translate);
  return ctx.loaders.placements.load(line.placementId).then((placement) => hourCodeLabel(line, placement, ctx.translate));
}

const LABEL = {
  description:
    "The hour code in the viewer's language: the placement's label for it where the placement has one (manual hour codes), else its kind and percentage in words, e.g. \"Overtime 125%\", \"Irregular hours 50%\".",
};

@Resolver(() => HourLineType)
export class HourLineLabelResolver {
  @FieldResolver(() => String, LABEL)
  label(@Root() line: HourLineType, @Ctx() ctx: GraphQLContext): string | Promise<string> {
    return labelOf(line, ctx);
  }
}

@Resolver(() => HourTotalType)
export class HourTotalLabelResolver {
  @FieldResolver(() => String, LABEL)
  label(@Root() total: HourTotalType, @Ctx() ctx: GraphQLContext): string | Promise<string> {
    return labelOf(total, ctx);
  }
}

@Resolver(() => HourKindTotalType)
export class HourKindTotalLabelResolver {
  @FieldResolver(() => String, { description: "The kind in the viewer's language, e.g. \"Overtime\", \"Irregular hours\"." })
  label(@Root() total: HourKindTotalType, @Ctx() ctx: GraphQLContext): string {
    return hourKindLabel(total.kind, ctx.translate);
  }
}
