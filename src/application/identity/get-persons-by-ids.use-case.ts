import { PersonDirectory, PersonView } from '../ports/person-directory';
import { Actor } from '../shared/actor';

/**
 * For a DataLoader: the persons behind the `…ById` stamps of weeks, declarations and audit entries
 * (who approved, rejected or corrected), one entry per id, in order; null where the id names nobody
 * of the viewer's agency. The GraphQL edge asks only for ids it read from an object the viewer may
 * see, so a viewer learns the name of whoever acted on a week they see, and nobody else's; the
 * agency scope makes a person of another agency unreachable whatever the id.
 */
export class GetPersonsByIds {
  constructor(private readonly directory: PersonDirectory) {}

  async execute(actor: Actor, input: { ids: readonly string[] }): Promise<(PersonView | null)[]> {
    const found = await this.directory.findByIds(actor.agencyId, [...new Set(input.ids)]);
    const byId = new Map(found.map((p) => [p.id, p]));
    return input.ids.map((id) => byId.get(id) ?? null);
  }
}
