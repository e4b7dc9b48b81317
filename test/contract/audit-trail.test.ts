import { describeAuditTrailRepositoryContract } from './audit-trail.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describeAuditTrailRepositoryContract('in memory', inMemory());
describeAuditTrailRepositoryContract('TypeORM', onTheDatabase());
