import { AgencyRepository } from '../../../application/ports/agency.repository';
import { Agency } from '../../../domain/agency/agency.entity';
import { stale } from '../agency-scoped-rows';
import { DatabaseContext } from '../database-context';
import { agencyToDomain, agencyToRow } from './agency.mapper';
import { AgencyOrmEntity } from './agency.orm-entity';
import { isUuid } from './keyset-cursor';

export class TypeormAgencyRepository extends AgencyRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  private repo() {
    return this.db.manager().getRepository(AgencyOrmEntity);
  }

  async findById(agencyId: string): Promise<Agency | null> {
    if (!isUuid(agencyId)) return null;
    const row = await this.repo().findOneBy({ id: agencyId });
    return row ? agencyToDomain(row) : null;
  }

  async insert(agency: Agency): Promise<void> {
    await this.repo().insert(agencyToRow(agency));
  }

  async update(agency: Agency): Promise<Agency> {
    const { id, version, createdAt: _c, updatedAt: _u, ...fields } = agencyToRow(agency);
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected !== 1) throw stale('agency');
    return agency.withVersion(version + 1);
  }
}
