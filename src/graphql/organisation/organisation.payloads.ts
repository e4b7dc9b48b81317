import { Field, ObjectType } from 'type-graphql';
import { AgencyType } from './agency.types';
import { FlexworkerType } from './flexworker.types';
import { PlacementType } from './placement.types';
import { RelationType } from './relation.types';

@ObjectType('UpdateAgencySettingsPayload', { description: 'What updateAgencySettings changed: the agency.' })
export class UpdateAgencySettingsPayload {
  @Field(() => AgencyType, { description: 'The agency with its name and settings as they are now.' }) agency: AgencyType;
}

@ObjectType('CreateRelationPayload', { description: 'What createRelation made: the relation.' })
export class CreateRelationPayload {
  @Field(() => RelationType, { description: 'The new relation.' }) relation: RelationType;
}

@ObjectType('UpdateRelationPayload', { description: 'What updateRelation changed: the relation.' })
export class UpdateRelationPayload {
  @Field(() => RelationType, { description: 'The relation as it is now, with its new version.' }) relation: RelationType;
}

@ObjectType('CreateFlexworkerPayload', { description: 'What createFlexworker made: the flexworker.' })
export class CreateFlexworkerPayload {
  @Field(() => FlexworkerType, { description: 'The new flexworker.' }) flexworker: FlexworkerType;
}

@ObjectType('UpdateFlexworkerPayload', { description: 'What updateFlexworker changed: the flexworker.' })
export class UpdateFlexworkerPayload {
  @Field(() => FlexworkerType, { description: 'The flexworker as it is now, with its new version.' }) flexworker: FlexworkerType;
}

@ObjectType('CreatePlacementPayload', { description: 'What createPlacement made: the placement.' })
export class CreatePlacementPayload {
  @Field(() => PlacementType, { description: 'The new placement.' }) placement: PlacementType;
}

@ObjectType('UpdatePlacementPayload', { description: 'What updatePlacement changed: the placement.' })
export class UpdatePlacementPayload {
  @Field(() => PlacementType, { description: 'The placement as it is now, with its new version.' }) placement: PlacementType;
}

@ObjectType('EndPlacementPayload', { description: 'What endPlacement changed: the placement with its end date.' })
export class EndPlacementPayload {
  @Field(() => PlacementType, { description: 'The placement as it is now, with its end date.' }) placement: PlacementType;
}
