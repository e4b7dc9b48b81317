import { ApiClient } from '../../domain/identity/api-client.entity';
import { NotFoundError } from '../../domain/shared/domain-error';
import { Actor } from '../shared/actor';
import { requireStaff } from '../shared/access';
import { ApiClientRepository } from '../ports/api-client.repository';
import { Clock } from '../ports/clock';

export class ListApiClientsUseCase {
  constructor(private readonly clients: ApiClientRepository) {}

  async execute(actor: Actor): Promise<ApiClient[]> {
    requireStaff(actor);
    return this.clients.listByAgency(actor.agencyId);
  }
}

/** Revoking is final: requests with the key are refused from the next one on. */
export class RevokeApiClientUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { id: string }): Promise<ApiClient> {
    requireStaff(actor);
    const client = await this.clients.findById(actor.agencyId, input.id);
    if (!client) throw new NotFoundError('ApiClient', input.id);
    client.revoke(this.clock.now());
    await this.clients.update(client);
    return client;
  }
}
