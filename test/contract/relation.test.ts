import { describeRelationRepositoryContract } from './relation.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describeRelationRepositoryContract('in memory', inMemory());
describeRelationRepositoryContract('TypeORM', onTheDatabase());
