import { ProblemCollector, ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';
import { Role } from './role';

/**
 * A machine client (the payroll system) that authenticates with an API key. The key is shown once
 * when created; only its hash is kept, with a short prefix so staff can tell keys apart.
 */
export interface ApiClientProps {
  readonly id: string;
  readonly agencyId: string;
  readonly name: string;
  readonly role: Extract<Role, 'PAYROLL'>;
  readonly keyHash: string;
  readonly keyPrefix: string;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly revokedAt: Date | null;
}

const MAX_NAME = 200;

export class ApiClient {
  private constructor(private props: ApiClientProps) {}

  static create(input: Omit<ApiClientProps, 'revokedAt' | 'role'>): ApiClient {
    const problems = new ProblemCollector();
    const name = input.name.trim();
    if (name.length === 0 || name.length > MAX_NAME) {
      problems.add('name', 'NAME_LENGTH', `A name has 1 to ${MAX_NAME} characters`, { max: MAX_NAME });
    } else problems.attempt('name', () => cleanText(name));
    problems.throwIfAny();
    return new ApiClient({ ...input, name, role: 'PAYROLL', revokedAt: null });
  }

  static rehydrate(props: ApiClientProps): ApiClient {
    return new ApiClient({ ...props });
  }

  get id(): string { return this.props.id; }
  get agencyId(): string { return this.props.agencyId; }
  get name(): string { return this.props.name; }
  get role(): 'PAYROLL' { return this.props.role; }
  get keyHash(): string { return this.props.keyHash; }
  get keyPrefix(): string { return this.props.keyPrefix; }
  get createdAt(): Date { return this.props.createdAt; }
  get createdBy(): string { return this.props.createdBy; }
  get revokedAt(): Date | null { return this.props.revokedAt; }
  get isRevoked(): boolean { return this.props.revokedAt !== null; }

  revoke(at: Date): void {
    if (this.props.revokedAt !== null) {
      throw ValidationError.of('id', 'API_CLIENT_ALREADY_REVOKED', 'This API key was already revoked');
    }
    this.props = { ...this.props, revokedAt: at };
  }

  toProps(): ApiClientProps {
    return { ...this.props };
  }
}
