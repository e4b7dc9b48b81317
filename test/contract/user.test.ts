import { describeUserRepositoryContract } from './user.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describeUserRepositoryContract('in memory', inMemory());
describeUserRepositoryContract('TypeORM', onTheDatabase());
