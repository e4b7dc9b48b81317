import { CaoSchedule } from '../../../../src/domain/cao-schedule/cao-schedule.entity';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { aCaoSchedule, goldenSchedule, rawSchedule, rawVersion } from '../../../support/mothers/cao-schedule.mother';
import { pathsOf, validationErrorOf } from '../shared/helpers';
import { TEST_DATE_WINDOW } from '../../../support/mothers/date-window.mother';

const create = (raw: unknown) => CaoSchedule.create({ id: 's1', agencyId: 'a1', raw }, TEST_DATE_WINDOW);

describe('CaoSchedule', () => {
  it('is created from the engine format with every default filled in', () => {
    const schedule = create(goldenSchedule('schoonmaak'));
    expect(schedule.name).toBe('Schoonmaak- en glazenwassersbedrijf (model)');
    expect(schedule.version).toBe(1);
    expect(schedule.versions).toHaveLength(1);
    expect(schedule.versions[0].overtimeWithOrt).toBe('ADD');
    expect(schedule.versions[0].hourCodes).toEqual({ normal: 'U100', extra: 'U100' });
    expect(schedule.latestValidFrom).toBe('2026-01-01');
    expect(schedule.unravelSchedule).toBeInstanceOf(CaoUnravelSchedule);
    expect(schedule.unravelSchedule.data).toEqual(schedule.toData());
  });

  it('trims the name and source and bounds them', () => {
    const schedule = create(rawSchedule({ name: '  ABU  ', source: undefined }));
    expect([schedule.name, schedule.source]).toEqual(['ABU', '']);
    expect(pathsOf(() => create(rawSchedule({ name: ' ', source: 'x'.repeat(2001) })))).toEqual(['name:REQUIRED', 'source:VALUE_TOO_LONG']);
    expect(pathsOf(() => create(rawSchedule({ name: 'a\u0007b' })))).toEqual(['name:TEXT_CONTROL_CHARACTERS']);
  });

  it('lists the problems of a broken schedule by path, together with those of the name', () => {
    const error = validationErrorOf(() =>
      create({
        name: '',
        versions: [
          rawVersion('2026-01-01', {
            ortWindows: [
              { id: 'a', days: ['MON'], from: '20:00', to: '24:00', percentage: 25, hourCode: 'ORT25' },
              { id: 'b', days: ['FUN'], from: '25:00', to: '06:00', percentage: 30, hourCode: 'ORT30' },
            ],
          }),
        ],
      }),
    );
    expect(error.problems.map((p) => `${p.path}:${p.reason}`)).toEqual([
      'name:REQUIRED',
      'versions[0].ortWindows[1].days[0]:DAY_SELECTOR_UNKNOWN',
      'versions[0].ortWindows[1].from:TIME_OF_DAY_FORMAT',
    ]);
    expect(pathsOf(() => create({ name: 'x', versions: [] }))).toEqual(['versions:SCHEDULE_NO_VERSIONS']);
    expect(pathsOf(() => create('not a schedule'))).toEqual([':VALUE_NOT_OBJECT']);
  });

  it('appends a version that starts after the latest one, and parses again', () => {
    const schedule = create(rawSchedule());
    const before = schedule.unravelSchedule;
    schedule.addVersion(rawVersion('2026-07-01', { hourCodes: { normal: 'U100B' } }), TEST_DATE_WINDOW);
    expect(schedule.versions.map((v) => v.validFrom)).toEqual(['2026-01-01', '2026-07-01']);
    expect(schedule.latestValidFrom).toBe('2026-07-01');
    expect(schedule.unravelSchedule).not.toBe(before);
    expect(schedule.unravelSchedule.versionAt(LocalDate.parse('2026-06-30'))?.hourCodes.normal).toBe('U100');
    expect(schedule.unravelSchedule.versionAt(LocalDate.parse('2026-07-01'))?.hourCodes.normal).toBe('U100B');
  });

  it('refuses a version that does not start after the latest, leaving the schedule as it was', () => {
    const schedule = create(rawSchedule({ versions: [rawVersion('2026-01-01'), rawVersion('2026-07-01')] }));
    for (const validFrom of ['2026-07-01', '2026-03-01', '2025-12-31']) {
      const error = validationErrorOf(() => schedule.addVersion(rawVersion(validFrom), TEST_DATE_WINDOW));
      expect(error.problems).toEqual([
        expect.objectContaining({ path: 'validFrom', reason: 'SCHEDULE_VERSION_NOT_AFTER_LATEST', params: { validFrom, latest: '2026-07-01' } }),
      ]);
    }
    expect(schedule.versions.map((v) => v.validFrom)).toEqual(['2026-01-01', '2026-07-01']);
  });

  it('reports the problems of a new version by paths relative to the version', () => {
    const schedule = create(rawSchedule());
    expect(
      pathsOf(() =>
        schedule.addVersion(
          rawVersion('2026-02-30', {
            colour: 'red',
            ortWindows: [
              { id: 'a', days: ['SAT'], from: '00:00', to: '24:00', percentage: 25, hourCode: 'ORT25' },
              { id: 'b', days: ['SAT'], from: '06:00', to: '08:00', percentage: 501, hourCode: 'ORT' },
            ],
          }),
          TEST_DATE_WINDOW,
        ),
      ),
    ).toEqual(['colour:FIELD_UNKNOWN', 'validFrom:LOCAL_DATE_INVALID', 'ortWindows[1].percentage:PERCENTAGE_RANGE']);
    expect(pathsOf(() => schedule.addVersion(rawVersion('2026-03-01', {
      ortWindows: [
        { id: 'a', days: ['SAT'], from: '00:00', to: '24:00', percentage: 25, hourCode: 'ORT25' },
        { id: 'b', days: ['SAT'], from: '06:00', to: '08:00', percentage: 50, hourCode: 'ORT50' },
      ],
    }), TEST_DATE_WINDOW))).toEqual(['ortWindows[1]:ORT_WINDOWS_OVERLAP']);
    expect(pathsOf(() => schedule.addVersion(42, TEST_DATE_WINDOW))).toEqual([':VALUE_NOT_OBJECT']);
    expect(schedule.versions).toHaveLength(1);
  });

  it('rehydrates without parsing until the engine form is needed, then parses once', () => {
    const state = aCaoSchedule('a1').withVersion(3).toState();
    let parses = 0;
    const rehydrated = CaoSchedule.rehydrate(state, () => {
      parses += 1;
      return CaoUnravelSchedule.parse({ name: state.name, source: state.source, versions: state.versions });
    });
    expect(rehydrated.version).toBe(3);
    expect(parses).toBe(0);
    expect(rehydrated.unravelSchedule).toBe(rehydrated.unravelSchedule);
    expect(parses).toBe(1);
    expect(CaoSchedule.rehydrate(state).unravelSchedule.data).toEqual(rehydrated.toData());
  });
});
