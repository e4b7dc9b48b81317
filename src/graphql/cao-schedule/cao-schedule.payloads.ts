import { Field, ObjectType } from 'type-graphql';
import { CaoUnravelScheduleType } from './cao-schedule.types';

@ObjectType('CreateCaoUnravelSchedulePayload', { description: 'What createCaoUnravelSchedule made: the schedule.' })
export class CreateCaoUnravelSchedulePayload {
  @Field(() => CaoUnravelScheduleType, { description: 'The new CAO unravel schedule with its first version.' })
  caoUnravelSchedule: CaoUnravelScheduleType;
}

@ObjectType('AddCaoUnravelScheduleVersionPayload', { description: 'What addCaoUnravelScheduleVersion changed: the schedule.' })
export class AddCaoUnravelScheduleVersionPayload {
  @Field(() => CaoUnravelScheduleType, { description: 'The schedule with every version, the new one last, and its new version number.' })
  caoUnravelSchedule: CaoUnravelScheduleType;
}
