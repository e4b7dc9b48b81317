import { AgencyRepository } from '../ports/agency.repository';
import { AuditTrailRepository } from '../ports/audit-trail.repository';
import { ChangeRequestRepository } from '../ports/change-request.repository';
import { Clock } from '../ports/clock';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { PasswordHasher } from '../ports/password-hasher';
import { UnitOfWork } from '../ports/unit-of-work';
import { UserRepository } from '../ports/user.repository';
import { LoginThrottle } from '../identity/login-throttle';
import { UpdateFlexworker } from '../organisation/update-flexworker.use-case';

/** The ports of the "your information" tab (issue 12). */
export interface ChangeRequestDeps {
  readonly requests: ChangeRequestRepository;
  readonly flexworkers: FlexworkerRepository;
  readonly agencies: AgencyRepository;
  readonly users: UserRepository;
  readonly hasher: PasswordHasher;
  /** The login throttle: a wrong password here counts as a failed login of the account. */
  readonly throttle: LoginThrottle;
  /** The ordinary staff update of a worker's record: an approved request goes through it. */
  readonly updateFlexworker: UpdateFlexworker;
  readonly auditTrail: AuditTrailRepository;
  readonly unitOfWork: UnitOfWork;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}
