import fc from 'fast-check';
import { PayPeriod, StatementYear } from '../../../../src/domain/document/document-subject.value-object';
import { startsAsPdf } from '../../../../src/domain/document/pdf-bytes';
import { StoredDocument } from '../../../../src/domain/document/stored-document.entity';
import { ValidationError } from '../../../../src/domain/shared/domain-error';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => [p.path, p.reason]);
    throw error;
  }
  return [];
};

describe('PayPeriod', () => {
  it('takes a period and its pay date, keyed by start and end', () => {
    const period = PayPeriod.parse({ periodStart: '2026-11-16', periodEnd: '2026-11-22', payDate: '2026-11-25' });
    expect(period.key).toBe('2026-11-16/2026-11-22');
    expect(PayPeriod.parse({ periodStart: '2026-11-16', periodEnd: '2026-11-16', payDate: '2026-11-01' }).key).toBe('2026-11-16/2026-11-16');
  });

  it('refuses an end before the start, and a year out of range', () => {
    expect(problemsOf(() => PayPeriod.parse({ periodStart: '2026-11-22', periodEnd: '2026-11-16', payDate: '2026-11-25' }))).toEqual([['periodEnd', 'PERIOD_END_BEFORE_START']]);
    expect(problemsOf(() => PayPeriod.parse({ periodStart: '1890-01-01', periodEnd: '1890-01-07', payDate: '2026-11-25' }))).toEqual([
      ['periodStart', 'DOCUMENT_YEAR_RANGE'],
      ['periodEnd', 'DOCUMENT_YEAR_RANGE'],
    ]);
  });

  it('accepts exactly the periods whose end is not before the start (property)', () => {
    const day = fc.integer({ min: LocalDate.parse('1990-01-01').epochDay, max: LocalDate.parse('2999-12-31').epochDay });
    fc.assert(
      fc.property(day, day, day, (a, b, pay) => {
        const input = { periodStart: LocalDate.ofEpochDay(a).toString(), periodEnd: LocalDate.ofEpochDay(b).toString(), payDate: LocalDate.ofEpochDay(pay).toString() };
        const problems = problemsOf(() => PayPeriod.parse(input));
        expect(problems).toEqual(b < a ? [['periodEnd', 'PERIOD_END_BEFORE_START']] : []);
      }),
    );
  });
});

describe('StatementYear', () => {
  it('takes a four-digit year in range only', () => {
    expect(StatementYear.parse('2026').key).toBe('2026');
    for (const bad of ['26', '20x6', '', '3000', '1989', ' 2026x']) expect(problemsOf(() => StatementYear.parse(bad))).toEqual([['year', 'DOCUMENT_YEAR_RANGE']]);
  });
});

describe('startsAsPdf', () => {
  it('looks at the first five bytes', () => {
    expect(startsAsPdf(Buffer.from('%PDF-1.7 rest'))).toBe(true);
    expect(startsAsPdf(Buffer.from('%PDF'))).toBe(false);
    expect(startsAsPdf(Buffer.from(' %PDF-1.7'))).toBe(false);
    expect(startsAsPdf(new Uint8Array())).toBe(false);
  });
});

describe('StoredDocument', () => {
  const base = {
    agencyId: 'agency',
    flexworkerId: 'worker',
    subject: { kind: 'ANNUAL_STATEMENT' as const, year: StatementYear.parse('2026') },
    fileName: 'annual-statement-2026.pdf',
    contentType: 'application/pdf',
    sha256: 'a'.repeat(64),
    size: 10,
    uploadedBy: { kind: 'API_CLIENT' as const, id: 'key' },
    uploadedAt: new Date('2026-11-25T09:00:00Z'),
  };

  it('follows the version it names', () => {
    const v1 = StoredDocument.upload({ ...base, id: 'd1', previous: null });
    const v2 = StoredDocument.upload({ ...base, id: 'd2', previous: v1 });
    expect([v1.version, v1.previousVersionId, v2.version, v2.previousVersionId]).toEqual([1, null, 2, 'd1']);
    const otherYear = { ...base, subject: { kind: 'ANNUAL_STATEMENT' as const, year: StatementYear.parse('2025') } };
    expect(() => StoredDocument.upload({ ...otherYear, id: 'd3', previous: v2 })).toThrow();
  });

  it('takes plain .pdf file names only (they go into Content-Disposition)', () => {
    for (const fileName of ['a.pdf', 'Loonstrook week 47.PDF', 'payslip_2026-11.pdf']) expect(StoredDocument.upload({ ...base, id: 'x', fileName, previous: null }).fileName).toBe(fileName);
    for (const fileName of ['a.txt', '../a.pdf', 'a"b.pdf', '.pdf', 'é.pdf', `${'a'.repeat(120)}.pdf`]) {
      expect(problemsOf(() => StoredDocument.upload({ ...base, id: 'x', fileName, previous: null }))).toEqual([['fileName', 'FILE_NAME_INVALID']]);
    }
  });
});
