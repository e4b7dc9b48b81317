import { describeApiClientRepositoryContract } from './api-client.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describeApiClientRepositoryContract('in memory', inMemory());
describeApiClientRepositoryContract('TypeORM', onTheDatabase());
