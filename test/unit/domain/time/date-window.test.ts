import { CaoSchedule } from '../../../../src/domain/cao-schedule/cao-schedule.entity';
import { Placement } from '../../../../src/domain/placement/placement.entity';
import { DateWindow } from '../../../../src/domain/time/date-window.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { rawSchedule, rawVersion } from '../../../support/mothers/cao-schedule.mother';
import { aPlacement } from '../../../support/mothers/organisation.mother';
import { pathsOf, validationErrorOf } from '../shared/helpers';

/*
 * Issue 8, item 8: the dates staff give lie within a window (DATE_OUT_OF_RANGE with the bounds):
 * a placement from 1900 gave a worker 6,518 weeks, a schedule version from 9999-12-31 blocked
 * every later one. What is stored already is not checked again.
 */
const d = LocalDate.parse;
const WINDOW = DateWindow.of(d('2000-01-01'), d('2036-12-31'));
const placementProps = { id: 'p', agencyId: 'a', flexworkerId: 'w', relationId: 'r', functionName: 'Schoonmaker', caoScheduleId: 'cao' };

describe('DateWindow', () => {
  it('holds its bounds and the dates between them', () => {
    for (const date of ['2000-01-01', '2026-11-25', '2036-12-31']) expect(WINDOW.check(d(date))).toEqual(d(date));
    expect(WINDOW.contains(d('1999-12-31'))).toBe(false);
    expect(WINDOW.contains(d('2037-01-01'))).toBe(false);
  });

  it('refuses a date outside with DATE_OUT_OF_RANGE and the date, min and max', () => {
    const error = validationErrorOf(() => WINDOW.check(d('1900-01-01')));
    expect(error.problems).toEqual([
      expect.objectContaining({ path: '', reason: 'DATE_OUT_OF_RANGE', params: { value: '1900-01-01', min: '2000-01-01', max: '2036-12-31' } }),
    ]);
  });

  it('cannot end before it starts', () => {
    expect(() => DateWindow.of(d('2026-01-02'), d('2026-01-01'))).toThrow(RangeError);
  });
});

describe('Placement dates within the window', () => {
  it('refuses a start in 1900 and an end in 9999 at their paths, with the other problems', () => {
    expect(pathsOf(() => Placement.create({ ...placementProps, startDate: '1900-01-01', endDate: '9999-12-31', functionName: '' }, WINDOW))).toEqual([
      'startDate:DATE_OUT_OF_RANGE',
      'endDate:DATE_OUT_OF_RANGE',
      'functionName:REQUIRED',
    ]);
    expect(Placement.create({ ...placementProps, startDate: '2000-01-01', endDate: '2036-12-31' }, WINDOW).endDate?.toString()).toBe('2036-12-31');
  });

  it('checks the dates a change gives, and leaves a stored date outside the window alone', () => {
    const old = Placement.rehydrate({ ...aPlacement('a', 'w', 'r').toState(), startDate: d('1990-01-01') });
    old.changeSettings({ functionName: 'Heftruckchauffeur' }, WINDOW);
    expect(old.startDate.toString()).toBe('1990-01-01');
    expect(pathsOf(() => old.changeSettings({ startDate: '1999-12-31', endDate: '2037-01-01' }, WINDOW))).toEqual([
      'startDate:DATE_OUT_OF_RANGE',
      'endDate:DATE_OUT_OF_RANGE',
    ]);
    expect(pathsOf(() => old.end(d('2037-01-01'), WINDOW))).toEqual(['endDate:DATE_OUT_OF_RANGE']);
    old.end(d('2026-12-31'), WINDOW);
    expect(old.endDate?.toString()).toBe('2026-12-31');
  });
});

describe('CaoSchedule versions within the window', () => {
  it('refuses a first version valid from 1999 or a later one from 9999-12-31, by the version’s path', () => {
    const raw = rawSchedule({ versions: [rawVersion('1999-12-31'), rawVersion('2026-01-01'), rawVersion('9999-12-31')] });
    expect(pathsOf(() => CaoSchedule.create({ id: 's', agencyId: 'a', raw }, WINDOW))).toEqual([
      'versions[0].validFrom:DATE_OUT_OF_RANGE',
      'versions[2].validFrom:DATE_OUT_OF_RANGE',
    ]);
  });

  it('refuses a new version valid from 9999-12-31, so that it cannot block every later one; the schedule stays as it was', () => {
    const schedule = CaoSchedule.create({ id: 's', agencyId: 'a', raw: rawSchedule() }, WINDOW);
    const error = validationErrorOf(() => schedule.addVersion(rawVersion('9999-12-31'), WINDOW));
    expect(error.problems).toEqual([
      expect.objectContaining({ path: 'validFrom', reason: 'DATE_OUT_OF_RANGE', params: { value: '9999-12-31', min: '2000-01-01', max: '2036-12-31' } }),
    ]);
    expect(schedule.versions.map((v) => v.validFrom)).toEqual(['2026-01-01']);
    schedule.addVersion(rawVersion('2036-12-31'), WINDOW);
    expect(schedule.latestValidFrom).toBe('2036-12-31');
  });

  it('reports the window together with the other problems of a version, and leaves a malformed date to the engine', () => {
    const schedule = CaoSchedule.create({ id: 's', agencyId: 'a', raw: rawSchedule() }, WINDOW);
    expect(pathsOf(() => schedule.addVersion(rawVersion('1999-01-01', { colour: 'red' }), WINDOW))).toEqual([
      'colour:FIELD_UNKNOWN',
      'validFrom:SCHEDULE_VERSION_NOT_AFTER_LATEST',
      'validFrom:DATE_OUT_OF_RANGE',
    ]);
    expect(pathsOf(() => schedule.addVersion(rawVersion('9999-99-99'), WINDOW))).toEqual(['validFrom:LOCAL_DATE_INVALID']);
  });
});
