import { describeAgencyRepositoryContract } from './agency.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describeAgencyRepositoryContract('in memory', inMemory());
describeAgencyRepositoryContract('TypeORM', onTheDatabase());
