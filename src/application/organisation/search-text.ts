import { ProblemCollector } from '../../domain/shared/domain-error';
import { optionalBoundedText } from '../../domain/shared/text';

/** A list's search text: trimmed, at most 100 characters (problem at `search`), blank is none. */
export function searchText(text: string | null | undefined): string | undefined {
  const problems = new ProblemCollector();
  const search = problems.attempt('search', () => optionalBoundedText(text, { max: 100 }));
  problems.throwIfAny();
  return search ?? undefined;
}
