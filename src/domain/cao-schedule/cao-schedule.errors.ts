import { Problem } from '../shared/domain-error';

/** A new version must start after the latest one: earlier versions stay as they were. */
export function versionNotAfterLatest(validFrom: string, latest: string): Problem {
  return {
    path: 'validFrom',
    reason: 'SCHEDULE_VERSION_NOT_AFTER_LATEST',
    message: `A new version must start after the latest version (${latest})`,
    params: { validFrom, latest },
  };
}
