import { ApiClientRepository } from '../../../application/ports/api-client.repository';
import { ApiClient } from '../../../domain/identity/api-client.entity';
import { DatabaseContext } from '../database-context';
import { isUuid } from '../organisation/keyset-cursor';
import { ApiClientOrmEntity } from './api-client.orm-entity';
import { apiClientToDomain, apiClientToRow } from './identity.mapper';

export class TypeormApiClientRepository extends ApiClientRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  private repo() {
    return this.db.manager().getRepository(ApiClientOrmEntity);
  }

  async insert(client: ApiClient): Promise<void> {
    await this.repo().insert(apiClientToRow(client));
  }

  async findById(agencyId: string, id: string): Promise<ApiClient | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    const row = await this.repo().findOneBy({ agencyId, id });
    return row ? apiClientToDomain(row) : null;
  }

  async findByKeyHash(keyHash: string): Promise<ApiClient | null> {
    const row = await this.repo().findOneBy({ keyHash });
    return row ? apiClientToDomain(row) : null;
  }

  async listByAgency(agencyId: string): Promise<ApiClient[]> {
    const rows = await this.repo().find({ where: { agencyId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(apiClientToDomain);
  }

  async update(client: ApiClient): Promise<void> {
    const p = client.toProps();
    await this.repo().update({ id: p.id, agencyId: p.agencyId }, { name: p.name, revokedAt: p.revokedAt });
  }
}
