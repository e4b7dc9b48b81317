import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CaoSchedule } from '../../../src/domain/cao-schedule/cao-schedule.entity';
import { uniqueId } from './organisation.mother';
import { TEST_DATE_WINDOW } from './date-window.mother';

/** Object mothers of CAO unravel schedules: small raw schedules and the golden fixtures. */

export type GoldenSchedule = 'schoonmaak' | 'beroepsgoederenvervoer' | 'industriele-reiniging' | 'metaal-36-uur' | 'arbeidstijdenwet-pauzes' | 'oproepkrachten' | 'nachtdiensten'
  | 'beroepsgoederenvervoer-periode' | 'vergoedingen-per-keer';

/** A golden fixture schedule as raw JSON (test/fixtures/unravel/<name>/schedule.json). */
export function goldenSchedule(name: GoldenSchedule): Record<string, unknown> {
  const file = path.resolve(__dirname, '..', '..', 'fixtures', 'unravel', name, 'schedule.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** One small version in the engine's format. */
export function rawVersion(validFrom: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    validFrom,
    hourCodes: { normal: 'U100' },
    ortWindows: [{ id: 'zondag', days: ['SUN', 'HOLIDAY'], from: '00:00', to: '24:00', percentage: 100, hourCode: 'ORT100' }],
    ...overrides,
  };
}

export function rawSchedule(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'ABU (model)', source: 'CAO voor Uitzendkrachten, 2026', versions: [rawVersion('2026-01-01')], ...overrides };
}

export function aCaoSchedule(agencyId: string, overrides: { id?: string; raw?: Record<string, unknown> } = {}): CaoSchedule {
  return CaoSchedule.create({ id: overrides.id ?? uniqueId(), agencyId, raw: overrides.raw ?? rawSchedule() }, TEST_DATE_WINDOW);
}
