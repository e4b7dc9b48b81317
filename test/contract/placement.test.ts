import { describePlacementRepositoryContract } from './placement.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describePlacementRepositoryContract('in memory', inMemory());
describePlacementRepositoryContract('TypeORM', onTheDatabase());
