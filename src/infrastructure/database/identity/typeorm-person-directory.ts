import { PersonDirectory, PersonView } from '../../../application/ports/person-directory';
import { Role } from '../../../domain/identity/role';
import { DatabaseContext } from '../database-context';
import { isUuid } from '../organisation/keyset-cursor';

/** Users and API clients share one id space (UUIDs), so one statement reads both. */
const SQL = `
  SELECT id, display_name AS "displayName", role FROM users WHERE agency_id = $1 AND id = ANY($2::uuid[])
  UNION ALL
  SELECT id, name AS "displayName", role FROM api_clients WHERE agency_id = $1 AND id = ANY($2::uuid[])`;

export class TypeormPersonDirectory extends PersonDirectory {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<PersonView[]> {
    const wanted = ids.filter(isUuid);
    if (!isUuid(agencyId) || wanted.length === 0) return [];
    const rows = (await this.db.manager().query(SQL, [agencyId, wanted])) as { id: string; displayName: string; role: string }[];
    return rows.map((row) => ({ id: row.id, displayName: row.displayName, role: row.role as Role }));
  }
}
