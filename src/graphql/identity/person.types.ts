import { Field, ID, ObjectType } from 'type-graphql';
import { PersonView } from '../../application/ports/person-directory';
import { RoleEnum } from '../shared/enums';

/**
 * Who acted on a week: the name and role behind an `…ById` stamp. Its fields are the same
 * whichever object it is reached through and whoever asks (a viewer who may not see the person
 * gets null instead), so `id` is safe for a normalising cache.
 */
@ObjectType('Person', {
  description:
    'Who approved, rejected or corrected hours: a user (worker, relation contact, agency staff) or an API client (role PAYROLL). Shown where the viewer may see what the person acted on; the same through every path.',
})
export class PersonType {
  @Field(() => ID, { description: 'The user id, or the API client id (the same as the `…ById` field next to it).' }) id: string;
  @Field({ description: "The user's display name, or the API client's name." }) displayName: string;
  @Field(() => RoleEnum, { description: 'What the person is to the agency.' }) role: keyof typeof RoleEnum;

  static from(person: PersonView): PersonType {
    return Object.assign(new PersonType(), { id: person.id, displayName: person.displayName, role: person.role });
  }
}
