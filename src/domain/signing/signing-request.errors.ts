import { ConflictError, ValidationError } from '../shared/domain-error';

export function notPending(status: string): ConflictError {
  return new ConflictError('SIGNING_REQUEST_NOT_PENDING', 'This document was already signed, declined or withdrawn', { status });
}

export function dueDateInPast(today: string): ValidationError {
  return ValidationError.of('dueDate', 'DUE_DATE_IN_PAST', 'The due date may not be before today', { today });
}

export function consentRequired(): ValidationError {
  return ValidationError.of('consent', 'CONSENT_REQUIRED', 'Signing needs your explicit consent to the statement shown');
}

export function consentOutdated(current: string): ValidationError {
  return ValidationError.of('consentVersion', 'CONSENT_VERSION_OUTDATED', 'The consent statement changed since it was shown; read it again and sign', { current });
}
