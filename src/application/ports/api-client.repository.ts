import { ApiClient } from '../../domain/identity/api-client.entity';

export abstract class ApiClientRepository {
  abstract insert(client: ApiClient): Promise<void>;
  abstract findById(agencyId: string, id: string): Promise<ApiClient | null>;
  abstract findByKeyHash(keyHash: string): Promise<ApiClient | null>;
  abstract listByAgency(agencyId: string): Promise<ApiClient[]>;
  abstract update(client: ApiClient): Promise<void>;
}
