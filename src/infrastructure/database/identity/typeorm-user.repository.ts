import { UserRepository } from '../../../application/ports/user.repository';
import { User } from '../../../domain/identity/user.entity';
import { ConflictError } from '../../../domain/shared/domain-error';
import { DatabaseContext } from '../database-context';
import { isUuid } from '../organisation/keyset-cursor';
import { isUniqueViolation } from '../postgres-errors';
import { In } from 'typeorm';
import { userToDomain, userToRow } from './identity.mapper';
import { UserOrmEntity } from './user.orm-entity';

export class TypeormUserRepository extends UserRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  private repo() {
    return this.db.manager().getRepository(UserOrmEntity);
  }

  /** An id that is not a UUID names no login (asking PostgreSQL would be an error). */
  async findById(agencyId: string, id: string): Promise<User | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    const row = await this.repo().findOneBy({ agencyId, id });
    return row ? userToDomain(row) : null;
  }

  async findActiveByEmail(email: string): Promise<User[]> {
    const rows = await this.repo().findBy({ email: email.toLowerCase(), active: true });
    return rows.map(userToDomain);
  }

  async findByFlexworkerId(agencyId: string, flexworkerId: string): Promise<User | null> {
    if (!isUuid(agencyId) || !isUuid(flexworkerId)) return null;
    const row = await this.repo().findOneBy({ agencyId, flexworkerId });
    return row ? userToDomain(row) : null;
  }

  async findByFlexworkerIds(agencyId: string, flexworkerIds: readonly string[]): Promise<User[]> {
    const ids = flexworkerIds.filter(isUuid);
    if (!isUuid(agencyId) || ids.length === 0) return [];
    const rows = await this.repo().findBy({ agencyId, flexworkerId: In(ids) });
    return rows.map(userToDomain);
  }

  async findContactsOfRelations(agencyId: string, relationIds: readonly string[]): Promise<User[]> {
    const ids = relationIds.filter(isUuid);
    if (!isUuid(agencyId) || ids.length === 0) return [];
    const rows = await this.repo().find({ where: { agencyId, relationId: In(ids), role: 'RELATION_CONTACT' }, order: { displayName: 'ASC', id: 'ASC' } });
    return rows.map(userToDomain);
  }

  async insert(user: User): Promise<void> {
    try {
      await this.repo().insert(userToRow(user));
    } catch (error) {
      if (isUniqueViolation(error, 'users_agency_email_key')) {
        throw new ConflictError('EMAIL_TAKEN', 'This e-mail address already has a login at this agency', {
          field: 'email',
        });
      }
      if (isUniqueViolation(error, 'users_flexworker_key')) {
        throw new ConflictError('FLEXWORKER_HAS_LOGIN', 'This flexworker already has a login', { field: 'flexworkerId' });
      }
      throw error;
    }
  }

  async insertIfAbsent(user: User): Promise<boolean> {
    const p = user.toProps();
    const rows: unknown[] = await this.db.manager().query(
      `INSERT INTO users (id, agency_id, email, display_name, role, flexworker_id, relation_id, language, password_hash, password_changed_at, active, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING RETURNING id`,
      [p.id, p.agencyId, p.email, p.displayName, p.role, p.flexworkerId, p.relationId, p.language, p.passwordHash, p.passwordChangedAt, p.active, p.version],
    );
    return rows.length === 1;
  }

  async update(user: User): Promise<void> {
    const row = userToRow(user);
    const result = await this.updateRow(row).catch((error: unknown) => {
      if (isUniqueViolation(error, 'users_agency_email_key')) {
        throw new ConflictError('EMAIL_TAKEN', 'This e-mail address already has a login at this agency', { field: 'email' });
      }
      throw error;
    });
    if (result.affected !== 1) {
      throw new ConflictError('STALE_VERSION', 'This login was changed by someone else in the meantime');
    }
  }

  private updateRow(row: UserOrmEntity) {
    return this.repo()
      .createQueryBuilder()
      .update()
      .set({
        email: row.email,
        displayName: row.displayName,
        language: row.language,
        passwordHash: row.passwordHash,
        passwordChangedAt: row.passwordChangedAt,
        active: row.active,
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      })
      .where('id = :id AND agency_id = :agencyId AND version = :version', {
        id: row.id,
        agencyId: row.agencyId,
        version: row.version,
      })
      .execute();
  }
}
