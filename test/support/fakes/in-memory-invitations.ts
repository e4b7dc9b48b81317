import { InvitationRepository } from '../../../src/application/ports/invitation.repository';
import { Invitation } from '../../../src/domain/identity/invitation.entity';
import { ConflictError } from '../../../src/domain/shared/domain-error';

const copy = (invitation: Invitation) => Invitation.rehydrate(invitation.toProps());

/** Invitations in memory, with the database's rules: unique token hash, at most one open invitation per login. */
export class InMemoryInvitationRepository extends InvitationRepository {
  readonly rows = new Map<string, Invitation>();

  async insert(invitation: Invitation): Promise<void> {
    const rows = [...this.rows.values()];
    if (rows.some((r) => r.tokenHash === invitation.tokenHash)) throw new Error('duplicate key: invitations_token_hash_key');
    if (invitation.open && rows.some((r) => r.userId === invitation.userId && r.open)) {
      throw new ConflictError('INVITATION_OPEN', 'This login has an open invitation already: resend or revoke it');
    }
    this.rows.set(invitation.id, copy(invitation));
  }

  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const found = [...this.rows.values()].find((r) => r.tokenHash === tokenHash);
    return found ? copy(found) : null;
  }

  async findOpenOfUser(agencyId: string, userId: string): Promise<Invitation | null> {
    const found = [...this.rows.values()].find((r) => r.agencyId === agencyId && r.userId === userId && r.open);
    return found ? copy(found) : null;
  }

  async latestOfUsers(agencyId: string, userIds: readonly string[]): Promise<Map<string, Invitation>> {
    const result = new Map<string, Invitation>();
    for (const row of this.rows.values()) {
      if (row.agencyId !== agencyId || !userIds.includes(row.userId)) continue;
      const seen = result.get(row.userId);
      if (!seen || seen.createdAt.getTime() <= row.createdAt.getTime()) result.set(row.userId, copy(row));
    }
    return result;
  }

  async close(invitation: Invitation): Promise<boolean> {
    const stored = this.rows.get(invitation.id);
    if (!stored || !stored.open) return false;
    this.rows.set(invitation.id, copy(invitation));
    return true;
  }

  async useUpAllOfUser(userId: string, at: Date): Promise<void> {
    for (const [id, row] of this.rows) {
      if (row.userId === userId && row.open) this.rows.set(id, Invitation.rehydrate({ ...row.toProps(), usedAt: at }));
    }
  }

  async deleteEndedBefore(cutoff: Date): Promise<number> {
    const ended = (r: Invitation) => r.usedAt ?? r.revokedAt ?? r.replacedAt;
    const old = [...this.rows.values()].filter((r) => r.expiresAt < cutoff || (ended(r) !== null && ended(r)! < cutoff));
    for (const row of old) this.rows.delete(row.id);
    return old.length;
  }
}
