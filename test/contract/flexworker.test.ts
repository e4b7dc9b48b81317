import { describeFlexworkerRepositoryContract } from './flexworker.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describeFlexworkerRepositoryContract('in memory', inMemory());
describeFlexworkerRepositoryContract('TypeORM', onTheDatabase());
