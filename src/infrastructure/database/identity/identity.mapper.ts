import { ApiClient } from '../../../domain/identity/api-client.entity';
import { UserRole } from '../../../domain/identity/role';
import { Session } from '../../../domain/identity/session.entity';
import { User } from '../../../domain/identity/user.entity';
import { ApiClientOrmEntity } from './api-client.orm-entity';
import { SessionOrmEntity } from './session.orm-entity';
import { UserOrmEntity } from './user.orm-entity';

export function userToDomain(row: UserOrmEntity): User {
  return User.rehydrate({
    id: row.id,
    agencyId: row.agencyId,
    email: row.email,
    displayName: row.displayName,
    role: row.role as UserRole,
    flexworkerId: row.flexworkerId,
    relationId: row.relationId,
    language: row.language,
    passwordHash: row.passwordHash,
    passwordChangedAt: row.passwordChangedAt,
    active: row.active,
    version: row.version,
  });
}

export function userToRow(user: User): UserOrmEntity {
  const p = user.toProps();
  const row = new UserOrmEntity();
  row.id = p.id;
  row.agencyId = p.agencyId;
  row.email = p.email;
  row.displayName = p.displayName;
  row.role = p.role;
  row.flexworkerId = p.flexworkerId;
  row.relationId = p.relationId;
  row.language = p.language;
  row.passwordHash = p.passwordHash;
  row.passwordChangedAt = p.passwordChangedAt;
  row.active = p.active;
  row.version = p.version;
  return row;
}

export function sessionToDomain(row: SessionOrmEntity): Session {
  return Session.rehydrate({
    id: row.id,
    userId: row.userId,
    agencyId: row.agencyId,
    tokenHash: row.tokenHash,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  });
}

export function sessionToRow(session: Session): SessionOrmEntity {
  const p = session.toProps();
  const row = new SessionOrmEntity();
  row.id = p.id;
  row.userId = p.userId;
  row.agencyId = p.agencyId;
  row.tokenHash = p.tokenHash;
  row.createdAt = p.createdAt;
  row.expiresAt = p.expiresAt;
  row.revokedAt = p.revokedAt;
  return row;
}

export function apiClientToDomain(row: ApiClientOrmEntity): ApiClient {
  return ApiClient.rehydrate({
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    role: 'PAYROLL',
    keyHash: row.keyHash,
    keyPrefix: row.keyPrefix,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    revokedAt: row.revokedAt,
  });
}

export function apiClientToRow(client: ApiClient): ApiClientOrmEntity {
  const p = client.toProps();
  const row = new ApiClientOrmEntity();
  row.id = p.id;
  row.agencyId = p.agencyId;
  row.name = p.name;
  row.role = p.role;
  row.keyHash = p.keyHash;
  row.keyPrefix = p.keyPrefix;
  row.createdAt = p.createdAt;
  row.createdBy = p.createdBy;
  row.revokedAt = p.revokedAt;
  return row;
}
