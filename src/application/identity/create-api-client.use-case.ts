import { ApiClient } from '../../domain/identity/api-client.entity';
import { Actor } from '../shared/actor';
import { requireStaff } from '../shared/access';
import { ApiClientRepository } from '../ports/api-client.repository';
import { Clock } from '../ports/clock';
import { IdGenerator } from '../ports/id-generator';
import { SecretGenerator } from '../ports/secret-generator';

export const API_KEY_PREFIX = 'fpk_';
/** How much of the key is kept readable, so staff can tell keys apart. */
const VISIBLE_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;

export interface CreateApiClientResult {
  readonly client: ApiClient;
  /** Shown once; only its hash is stored. */
  readonly apiKey: string;
}

/** Staff create an API key for the payroll system of their agency. */
export class CreateApiClientUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly secrets: SecretGenerator,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: { name: string }): Promise<CreateApiClientResult> {
    requireStaff(actor);
    const apiKey = this.secrets.secret(API_KEY_PREFIX);
    const client = ApiClient.create({
      id: this.ids.next(),
      agencyId: actor.agencyId,
      name: input.name,
      keyHash: this.secrets.hash(apiKey),
      keyPrefix: apiKey.slice(0, VISIBLE_PREFIX_LENGTH),
      createdAt: this.clock.now(),
      createdBy: actor.id,
    });
    await this.clients.insert(client);
    return { client, apiKey };
  }
}
