import { ProblemCollector, ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';
import { UserRole, USER_ROLES } from './role';

export interface UserProps {
  readonly id: string;
  readonly agencyId: string;
  /** Normalised (lower-case) e-mail address, the login name; unique per agency. */
  readonly email: string;
  readonly displayName: string;
  readonly role: UserRole;
  /** Set exactly when role is FLEXWORKER: the worker this login belongs to. */
  readonly flexworkerId: string | null;
  /** Set exactly when role is RELATION_CONTACT: the relation this contact speaks for. */
  readonly relationId: string | null;
  /** Interface language of staff and contacts; a worker's language lives on the Flexworker. */
  readonly language: string;
  /** Null for an invited login that has not accepted yet: it cannot log in (answered like a wrong password). */
  readonly passwordHash: string | null;
  readonly passwordChangedAt: Date;
  readonly active: boolean;
  readonly version: number;
}

export interface NewUser {
  readonly id: string;
  readonly agencyId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly flexworkerId?: string | null;
  readonly relationId?: string | null;
  readonly language: string;
  /** Null for a login made by an invitation: the password comes when it is accepted. */
  readonly passwordHash: string | null;
  readonly now: Date;
}

const MAX_NAME = 200;

/** A person who logs in: agency staff, a relation's contact, or a flexworker. */
export class User {
  private constructor(private props: UserProps) {}

  static create(input: NewUser): User {
    const problems = new ProblemCollector();
    const role = input.role as UserRole;
    if (!USER_ROLES.includes(role)) {
      problems.add('role', 'ROLE_UNKNOWN', `Unknown role "${input.role}"`, { value: input.role });
    }
    const displayName = input.displayName.trim();
    if (displayName.length === 0 || displayName.length > MAX_NAME) {
      problems.add('displayName', 'NAME_LENGTH', `A name has 1 to ${MAX_NAME} characters`, { max: MAX_NAME });
    } else problems.attempt('displayName', () => cleanText(displayName));
    const flexworkerId = input.flexworkerId ?? null;
    const relationId = input.relationId ?? null;
    if ((role === 'FLEXWORKER') !== (flexworkerId !== null)) {
      problems.add('flexworkerId', 'USER_FLEXWORKER_LINK', 'A flexworker login needs a flexworker, and only it');
    }
    if ((role === 'RELATION_CONTACT') !== (relationId !== null)) {
      problems.add('relationId', 'USER_RELATION_LINK', 'A relation contact needs a relation, and only it');
    }
    problems.throwIfAny();
    return new User({
      id: input.id,
      agencyId: input.agencyId,
      email: input.email,
      displayName,
      role,
      flexworkerId,
      relationId,
      language: input.language,
      passwordHash: input.passwordHash,
      passwordChangedAt: input.now,
      active: true,
      version: 1,
    });
  }

  static rehydrate(props: UserProps): User {
    return new User({ ...props });
  }

  get id(): string { return this.props.id; }
  get agencyId(): string { return this.props.agencyId; }
  get email(): string { return this.props.email; }
  get displayName(): string { return this.props.displayName; }
  get role(): UserRole { return this.props.role; }
  get flexworkerId(): string | null { return this.props.flexworkerId; }
  get relationId(): string | null { return this.props.relationId; }
  get language(): string { return this.props.language; }
  get passwordHash(): string | null { return this.props.passwordHash; }
  /** False for an invited login that has not accepted its invitation yet. */
  get hasPassword(): boolean { return this.props.passwordHash !== null; }
  get passwordChangedAt(): Date { return this.props.passwordChangedAt; }
  get active(): boolean { return this.props.active; }
  get version(): number { return this.props.version; }

  changePassword(passwordHash: string, at: Date): void {
    this.props = { ...this.props, passwordHash, passwordChangedAt: at };
  }

  /**
   * Staff give an invited login (no password yet) its password themselves (createUser): it takes
   * the address, name and language given, as a new login would. One with a password is refused.
   */
  completeInvited(input: { email: string; displayName: string; language: string; passwordHash: string; now: Date }): void {
    if (this.hasPassword) throw new Error('Only an invited login without a password can be completed');
    const displayName = input.displayName.trim();
    if (displayName.length === 0 || displayName.length > MAX_NAME) {
      throw ValidationError.of('displayName', 'NAME_LENGTH', `A name has 1 to ${MAX_NAME} characters`, { max: MAX_NAME });
    }
    try {
      cleanText(displayName);
    } catch (error) {
      throw error instanceof ValidationError ? error.prefixed('displayName') : error;
    }
    this.props = { ...this.props, email: input.email, displayName, language: input.language, passwordHash: input.passwordHash, passwordChangedAt: input.now };
  }

  changeLanguage(language: string): void {
    this.props = { ...this.props, language };
  }

  deactivate(): void {
    if (!this.props.active) throw ValidationError.of('active', 'USER_ALREADY_INACTIVE', 'This login is already inactive');
    this.props = { ...this.props, active: false };
  }

  toProps(): UserProps {
    return { ...this.props };
  }
}
