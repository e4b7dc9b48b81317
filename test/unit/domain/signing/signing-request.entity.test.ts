import { ValidationError } from '../../../../src/domain/shared/domain-error';
import { SigningRequest } from '../../../../src/domain/signing/signing-request.entity';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';

const TODAY = LocalDate.parse('2026-12-04');
const AT = new Date('2026-12-04T09:00:00Z');
const FILE = { fileName: 'contract.pdf', sha256: 'a'.repeat(64), size: 1234 };

function create(overrides: Partial<Parameters<typeof SigningRequest.create>[0]> = {}): SigningRequest {
  return SigningRequest.create(
    { id: 'r1', agencyId: 'ag', flexworkerId: 'fw', placementId: null, title: '  Arbeidsovereenkomst  ', dueDate: null, original: FILE, createdBy: 'staff', at: AT, ...overrides },
    TODAY,
  );
}

function problemsOf(fn: () => unknown): { path: string; reason: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => ({ path: p.path, reason: p.reason }));
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('SigningRequest', () => {
  it('starts PENDING with the title trimmed and the due date parsed', () => {
    const request = create({ dueDate: '2026-12-04' });
    expect(request.status).toBe('PENDING');
    expect(request.title).toBe('Arbeidsovereenkomst');
    expect(request.dueDate?.toString()).toBe('2026-12-04');
    expect(create({ dueDate: '  ' }).dueDate).toBeNull();
  });

  it('refuses an empty or too long title and a due date before today, all at once', () => {
    expect(problemsOf(() => create({ title: ' ', dueDate: '2026-12-03' }))).toEqual([
      { path: 'title', reason: 'REQUIRED' },
      { path: 'dueDate', reason: 'DUE_DATE_IN_PAST' },
    ]);
    expect(problemsOf(() => create({ title: 'x'.repeat(151) }))).toEqual([{ path: 'title', reason: 'VALUE_TOO_LONG' }]);
    expect(problemsOf(() => create({ dueDate: '2026-02-30' }))).toEqual([{ path: 'dueDate', reason: 'LOCAL_DATE_INVALID' }]);
  });

  it('signs, declines (with a reason) or is withdrawn once; every end state is final', () => {
    const signed = create();
    signed.sign('worker', AT, { fileName: 'contract-signed.pdf', sha256: 'b'.repeat(64), size: 2000 });
    expect(signed).toMatchObject({ status: 'SIGNED', decidedBy: 'worker', signed: { sha256: 'b'.repeat(64) } });
    for (const step of [() => signed.decline('worker', AT, 'no'), () => signed.withdraw('staff', AT), () => signed.sign('worker', AT, FILE)]) {
      expect(step).toThrow(expect.objectContaining({ reason: 'SIGNING_REQUEST_NOT_PENDING' }));
    }

    const declined = create();
    expect(problemsOf(() => declined.decline('worker', AT, '   '))).toEqual([{ path: 'reason', reason: 'REQUIRED' }]);
    expect(declined.status).toBe('PENDING');
    declined.decline('worker', AT, ' Het uurloon klopt niet\r\nZie cao ');
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'Het uurloon klopt niet\nZie cao', signed: null });
    expect(() => declined.withdraw('staff', AT)).toThrow(expect.objectContaining({ reason: 'SIGNING_REQUEST_NOT_PENDING' }));

    const withdrawn = create();
    withdrawn.withdraw('staff', AT);
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', decidedBy: 'staff', declineReason: null });
    expect(() => withdrawn.assertPending()).toThrow(expect.objectContaining({ params: { status: 'WITHDRAWN' } }));
  });
});
