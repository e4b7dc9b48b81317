import { describeDeclarationRepositoryContract } from './declaration.contract';
import { inMemory, onTheDatabase } from './support/repositories';

describeDeclarationRepositoryContract('in memory', inMemory());
describeDeclarationRepositoryContract('TypeORM', onTheDatabase());
