import { parseIdempotencyKey, PayrollExport } from '../../../../src/domain/payroll/payroll-export.entity';
import { ConflictError, ValidationError } from '../../../../src/domain/shared/domain-error';

const MADE = new Date('2026-11-25T09:00:00Z');
const EXPIRES = new Date('2026-11-26T09:00:00Z');
const BEFORE_EXPIRY = new Date('2026-11-26T08:59:59Z');

function pending(upToGiven = false): PayrollExport {
  return PayrollExport.create({
    id: 'e1', agencyId: 'a1', number: 1, createdBy: 'c1', idempotencyKey: 'run-1', upTo: MADE, upToGiven,
    createdAt: MADE, expiresAt: EXPIRES, declarationCount: 2, reversalCount: 0, lineCount: 3, totalMinutes: 900,
  });
}

function reasonOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof ConflictError || error instanceof ValidationError) return error.reason;
    throw error;
  }
  throw new Error('no error');
}

describe('PayrollExport', () => {
  it('is PENDING until its expiry, and EXPIRED from that instant on', () => {
    const e = pending();
    expect(e.statusAt(BEFORE_EXPIRY)).toBe('PENDING');
    expect(e.statusAt(EXPIRES)).toBe('EXPIRED');
  });

  it('confirms once: again is a retry that changes nothing', () => {
    const e = pending();
    expect(e.confirm('c1', BEFORE_EXPIRY)).toBe(true);
    expect(e.confirm('c2', EXPIRES)).toBe(false);
    expect([e.statusAt(EXPIRES), e.confirmedAt, e.confirmedBy]).toEqual(['CONFIRMED', BEFORE_EXPIRY, 'c1']);
  });

  it('refuses to confirm an expired or cancelled export, and to cancel a confirmed one', () => {
    expect(reasonOf(() => pending().confirm('c1', EXPIRES))).toBe('PAYROLL_EXPORT_EXPIRED');
    const cancelled = pending();
    cancelled.cancel('staff', MADE);
    expect(reasonOf(() => cancelled.confirm('c1', MADE))).toBe('PAYROLL_EXPORT_CANCELLED');
    const confirmed = pending();
    confirmed.confirm('c1', MADE);
    expect(reasonOf(() => confirmed.cancel('c1', MADE))).toBe('PAYROLL_EXPORT_ALREADY_CONFIRMED');
  });

  it('records the expiry when an expired export is cancelled, and cancels once', () => {
    const late = pending();
    expect(late.cancel('c1', EXPIRES)).toBe(false);
    expect([late.toState().status, late.expiredAt, late.cancelledAt]).toEqual(['EXPIRED', EXPIRES, null]);
    const e = pending();
    expect(e.cancel('c1', MADE)).toBe(true);
    expect(e.cancel('c1', BEFORE_EXPIRY)).toBe(false);
    expect(e.cancelledAt).toEqual(MADE);
  });

  it('answers a retry only for the same moment asked', () => {
    expect(pending(false).answersRetry(null)).toBe(true);
    expect(pending(false).answersRetry(MADE)).toBe(false);
    expect(pending(true).answersRetry(MADE)).toBe(true);
    expect(pending(true).answersRetry(null)).toBe(false);
    expect(pending(true).answersRetry(BEFORE_EXPIRY)).toBe(false);
  });

  it('takes 1 to 128 visible ASCII characters as idempotency key', () => {
    expect(parseIdempotencyKey('a'.repeat(128))).toBe('a'.repeat(128));
    expect(parseIdempotencyKey('2026-W48/run#1')).toBe('2026-W48/run#1');
    for (const bad of ['', 'a'.repeat(129), 'with space', 'é']) expect(reasonOf(() => parseIdempotencyKey(bad))).toBe('IDEMPOTENCY_KEY_INVALID');
    // Control and broken characters get the one text rule's reasons, as in every text input.
    expect(reasonOf(() => parseIdempotencyKey('tab\t'))).toBe('TEXT_CONTROL_CHARACTERS');
    expect(reasonOf(() => parseIdempotencyKey('half\ud800'))).toBe('TEXT_LONE_SURROGATE');
  });
});

describe('PayrollExport, settled more than once', () => {
  it('cancels an expired export any number of times without changing it again', () => {
    const e = pending();
    e.cancel('c1', EXPIRES);
    const settled = PayrollExport.rehydrate(e.toState());
    expect(settled.cancel('c1', new Date(EXPIRES.getTime() + 1000))).toBe(false);
    expect(settled.toState()).toEqual(e.toState());
  });
});
