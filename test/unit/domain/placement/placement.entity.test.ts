import fc from 'fast-check';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { WeeklyContractHours } from '../../../../src/domain/placement/weekly-contract-hours.value-object';
import { A_CAO_SCHEDULE_ID, aPlacement } from '../../../support/mothers/organisation.mother';
import { pathsOf, validationErrorOf } from '../shared/helpers';
import { TEST_DATE_WINDOW } from '../../../support/mothers/date-window.mother';

const d = LocalDate.parse;

describe('Placement', () => {
  it('takes sensible defaults', () => {
    const p = aPlacement('a', 'w', 'r');
    expect([...p.allowedEntryModes]).toEqual(['DAY_TOTAL', 'TIMES']);
    expect(p.hoursEnteredBy).toBe('FLEXWORKER');
    expect(p.sendInvitations).toBe(true);
    expect(p.sendReminders).toBe(true);
    expect(p.contractHoursPerWeek.toString()).toBe('38:00');
    expect(p.hourSource).toEqual({ kind: 'CAO_SCHEDULE', caoScheduleId: A_CAO_SCHEDULE_ID });
    expect(p.endDate).toBeNull();
  });

  it('refuses an end before the start', () => {
    expect(pathsOf(() => aPlacement('a', 'w', 'r', { startDate: '2026-02-01', endDate: '2026-01-31' }))).toEqual(['endDate:END_BEFORE_START']);
    expect(() => aPlacement('a', 'w', 'r', { startDate: '2026-02-01', endDate: '2026-02-01' })).not.toThrow();
  });

  it('is active from start to end, both inclusive (property)', () => {
    const p = aPlacement('a', 'w', 'r', { startDate: '2026-02-01', endDate: '2026-03-31' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (offset) => {
        const day = new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
        expect(p.isActiveOn(d(day))).toBe(day >= '2026-02-01' && day <= '2026-03-31');
      }),
    );
    expect(aPlacement('a', 'w', 'r').isActiveOn(d('2999-01-01'))).toBe(true);
  });

  it('ends on a date not before the start', () => {
    const p = aPlacement('a', 'w', 'r', { startDate: '2026-02-01' });
    p.end(d('2026-06-30'), TEST_DATE_WINDOW);
    expect(p.endDate?.toString()).toBe('2026-06-30');
    expect(pathsOf(() => p.end(d('2026-01-31'), TEST_DATE_WINDOW))).toEqual(['endDate:END_BEFORE_START']);
  });

  it('takes either a schedule or manual hour codes, never both or neither', () => {
    expect(pathsOf(() => aPlacement('a', 'w', 'r', { caoScheduleId: null }))).toEqual(['caoScheduleId:HOUR_SOURCE_EITHER']);
    expect(pathsOf(() => aPlacement('a', 'w', 'r', { hourCodes: [{ code: 'H100', percentage: 100 }] }))).toEqual(['hourCodes:HOUR_SOURCE_EITHER']);
    expect(pathsOf(() => aPlacement('a', 'w', 'r', { caoScheduleId: null, hourCodes: [] }))).toEqual(['caoScheduleId:HOUR_SOURCE_EITHER']);
    const manual = aPlacement('a', 'w', 'r', {
      caoScheduleId: undefined,
      hourCodes: [{ code: 'h100', percentage: 100, label: 'Normaal' }, { code: 'OW125', percentage: 125 }],
    });
    expect(manual.hourSource.kind).toBe('MANUAL_HOUR_CODES');
    if (manual.hourSource.kind === 'MANUAL_HOUR_CODES') expect(manual.hourSource.hourCodes.map(String)).toEqual(['H100 (100 %)', 'OW125 (125 %)']);
  });

  it('reports bad and duplicate hour codes by index', () => {
    expect(
      pathsOf(() =>
        aPlacement('a', 'w', 'r', {
          caoScheduleId: undefined,
          hourCodes: [
            { code: 'H100', percentage: 100 },
            { code: 'h100', percentage: 125 },
            { code: '1X', percentage: 501 },
          ],
        }),
      ),
    ).toEqual(['hourCodes[1].code:HOUR_CODE_DUPLICATE', 'hourCodes[2].code:HOUR_CODE_INVALID', 'hourCodes[2].percentage:PERCENTAGE_RANGE']);
  });

  it('refuses invitations and reminders when the relation enters the hours', () => {
    expect(pathsOf(() => aPlacement('a', 'w', 'r', { hoursEnteredBy: 'RELATION', sendInvitations: true, sendReminders: true }))).toEqual([
      'sendInvitations:NOTIFICATIONS_WHEN_RELATION_ENTERS_HOURS',
      'sendReminders:NOTIFICATIONS_WHEN_RELATION_ENTERS_HOURS',
    ]);
    const p = aPlacement('a', 'w', 'r', { hoursEnteredBy: 'RELATION' });
    expect([p.sendInvitations, p.sendReminders]).toEqual([false, false]);
  });

  it('turns notifications off when switched to the relation entering hours', () => {
    const p = aPlacement('a', 'w', 'r');
    p.changeSettings({ hoursEnteredBy: 'RELATION' }, TEST_DATE_WINDOW);
    expect([p.sendInvitations, p.sendReminders]).toEqual([false, false]);
  });

  it('changes only the settings given and keeps all on failure', () => {
    const p = aPlacement('a', 'w', 'r');
    p.changeSettings({ functionName: 'Heftruckchauffeur', costCentre: 'KP-12', allowedEntryModes: ['TIMES'], hourCodes: [{ code: 'H100', percentage: 100 }], caoScheduleId: null }, TEST_DATE_WINDOW);
    expect(p.functionName).toBe('Heftruckchauffeur');
    expect(p.costCentre).toBe('KP-12');
    expect([...p.allowedEntryModes]).toEqual(['TIMES']);
    expect(p.hourSource.kind).toBe('MANUAL_HOUR_CODES');
    expect(pathsOf(() => p.changeSettings({ functionName: 'X', allowedEntryModes: [], contractHoursPerWeek: '60:01', endDate: '2025-01-01' }, TEST_DATE_WINDOW))).toEqual([
      'contractHoursPerWeek:CONTRACT_HOURS_RANGE',
      'allowedEntryModes:ENTRY_MODES_EMPTY',
      'endDate:END_BEFORE_START',
    ]);
    expect(p.functionName).toBe('Heftruckchauffeur');
  });

  it('refuses a 1 MB date without echoing it', () => {
    const error = validationErrorOf(() => aPlacement('a', 'w', 'r', { startDate: 'x'.repeat(1 << 20) }));
    expect(error.problems.map((p) => `${p.path}:${p.reason}`)).toEqual(['startDate:VALUE_TOO_LONG']);
    expect(error.message.length).toBeLessThan(200);
  });

  it('reports missing required fields and bad ids', () => {
    expect(pathsOf(() => aPlacement('a', '', 'r', { startDate: 'tomorrow', functionName: 'x'.repeat(1 << 20) }))).toEqual([
      'flexworkerId:REQUIRED',
      'startDate:LOCAL_DATE_FORMAT',
      'functionName:VALUE_TOO_LONG',
    ]);
  });
});

describe('WeeklyContractHours', () => {
  it.each([['38:00', 2280], ['0:00', 0], ['60:00', 3600], ['32:30', 1950]])('parses %s', (text, minutes) => {
    expect(WeeklyContractHours.parse(text).totalMinutes).toBe(minutes);
    expect(WeeklyContractHours.parse(text).toString()).toBe(text);
  });

  it.each(['38', '38.5', '60:01', '-1:00', '38:60', '100:00'])('refuses %p', (text) => {
    expect(() => WeeklyContractHours.parse(text)).toThrow();
  });
});

describe('Placement cost centre and purchase-order reference', () => {
  it('are optional, trimmed, 1 to 64 characters; left out they stay, null or blank clears', () => {
    const p = aPlacement('a', 'w', 'r', { costCentre: ' KP-1 ', purchaseOrderReference: ' PO 2026/42 ' });
    expect([p.costCentre, p.purchaseOrderReference]).toEqual(['KP-1', 'PO 2026/42']);
    expect([aPlacement('a', 'w', 'r').costCentre, aPlacement('a', 'w', 'r').purchaseOrderReference]).toEqual([null, null]);
    p.changeSettings({ functionName: 'Picker' }, TEST_DATE_WINDOW);
    expect([p.costCentre, p.purchaseOrderReference]).toEqual(['KP-1', 'PO 2026/42']);
    p.changeSettings({ costCentre: 'c'.repeat(64), purchaseOrderReference: 'p'.repeat(64) }, TEST_DATE_WINDOW);
    expect([p.costCentre?.length, p.purchaseOrderReference?.length]).toEqual([64, 64]);
    p.changeSettings({ costCentre: null, purchaseOrderReference: '  ' }, TEST_DATE_WINDOW);
    expect([p.costCentre, p.purchaseOrderReference]).toEqual([null, null]);
  });

  it('report too long text and control characters at their paths, with the other problems, changing nothing', () => {
    expect(pathsOf(() => aPlacement('a', 'w', 'r', { costCentre: 'c'.repeat(65), purchaseOrderReference: 'PO\u0007' }))).toEqual([
      'costCentre:VALUE_TOO_LONG',
      'purchaseOrderReference:TEXT_CONTROL_CHARACTERS',
    ]);
    const p = aPlacement('a', 'w', 'r', { purchaseOrderReference: 'PO-1' });
    expect(pathsOf(() => p.changeSettings({ purchaseOrderReference: 'p'.repeat(65), functionName: '' }, TEST_DATE_WINDOW))).toEqual([
      'functionName:REQUIRED',
      'purchaseOrderReference:VALUE_TOO_LONG',
    ]);
    expect(p.purchaseOrderReference).toBe('PO-1');
  });
});
