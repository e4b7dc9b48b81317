import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../../domain/identity/user.entity';
import { LanguageCode } from '../../domain/shared/language.value-object';
import { LanguageEnum, RoleEnum } from '../shared/enums';

@ObjectType('User', { description: 'A login of the agency: a staff member, a relation contact or a flexworker (what staff may see of it).' })
export class UserType {
  @Field(() => ID, { description: 'The user id (the same id as Viewer.id when this user is logged in).' }) id: string;
  @Field({ description: 'The login e-mail.' }) email: string;
  @Field({ description: 'The name shown in the portal.' }) displayName: string;
  @Field(() => RoleEnum, { description: 'FLEXWORKER, RELATION_CONTACT or AGENCY_STAFF.' }) role: keyof typeof RoleEnum;
  @Field(() => LanguageEnum, { description: 'The language of the portal and of e-mails for this user.' }) language: LanguageCode;
  @Field(() => ID, { nullable: true, description: 'The flexworker this login belongs to (FLEXWORKER); null otherwise.' })
  flexworkerId: string | null;
  @Field(() => ID, { nullable: true, description: 'The relation this contact speaks for (RELATION_CONTACT); null otherwise.' })
  relationId: string | null;

  static from(user: User): UserType {
    return Object.assign(new UserType(), {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      language: user.language,
      flexworkerId: user.flexworkerId,
      relationId: user.relationId,
    });
  }
}
