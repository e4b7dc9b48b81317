import { describeSessionRepositoryContract } from './session.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describeSessionRepositoryContract('in memory', inMemory());
describeSessionRepositoryContract('TypeORM', onTheDatabase());
