import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Agency } from '../../../src/domain/agency/agency.entity';
import { FieldCipher } from '../../../src/infrastructure/crypto/field-cipher';
import { DatabaseContext } from '../../../src/infrastructure/database/database-context';
import { TypeormAgencyRepository } from '../../../src/infrastructure/database/organisation/typeorm-agency.repository';
import { TypeormFlexworkerRepository } from '../../../src/infrastructure/database/organisation/typeorm-flexworker.repository';
import { TypeormPlacementRepository } from '../../../src/infrastructure/database/organisation/typeorm-placement.repository';
import { TypeormRelationRepository } from '../../../src/infrastructure/database/organisation/typeorm-relation.repository';
import { anAgency } from '../../support/mothers/organisation.mother';
import { openTestDataSource } from '../../support/test-database';

/** The organisation repositories on the shared test database; each test makes its own agencies. */
export class OrganisationDatabase {
  readonly db: DatabaseContext;
  readonly cipher = new FieldCipher(randomBytes(32));
  readonly agencies: TypeormAgencyRepository;
  readonly relations: TypeormRelationRepository;
  readonly flexworkers: TypeormFlexworkerRepository;
  readonly placements: TypeormPlacementRepository;

  private constructor(readonly dataSource: DataSource) {
    this.db = new DatabaseContext(dataSource);
    this.agencies = new TypeormAgencyRepository(this.db);
    this.relations = new TypeormRelationRepository(this.db);
    this.flexworkers = new TypeormFlexworkerRepository(this.db, this.cipher);
    this.placements = new TypeormPlacementRepository(this.db);
  }

  static async open(): Promise<OrganisationDatabase> {
    return new OrganisationDatabase(await openTestDataSource());
  }

  async newAgency(name = 'Test uitzendbureau'): Promise<Agency> {
    const agency = anAgency({ id: randomUUID(), name });
    await this.agencies.insert(agency);
    return agency;
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}

export const newId = (): string => randomUUID();
