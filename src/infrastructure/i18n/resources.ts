/** Every translation file, imported statically so the build carries them. */
import { Resource } from 'i18next';
import nlErrors from './locales/nl/errors.json';
import nlLabels from './locales/nl/labels.json';
import nlUnravel from './locales/nl/unravel.json';
import bgErrors from './locales/bg/errors.json';
import bgLabels from './locales/bg/labels.json';
import bgUnravel from './locales/bg/unravel.json';
import deErrors from './locales/de/errors.json';
import deLabels from './locales/de/labels.json';
import deUnravel from './locales/de/unravel.json';
import enErrors from './locales/en/errors.json';
import enLabels from './locales/en/labels.json';
import enUnravel from './locales/en/unravel.json';
import huErrors from './locales/hu/errors.json';
import huLabels from './locales/hu/labels.json';
import huUnravel from './locales/hu/unravel.json';
import plErrors from './locales/pl/errors.json';
import plLabels from './locales/pl/labels.json';
import plUnravel from './locales/pl/unravel.json';
import ptErrors from './locales/pt/errors.json';
import ptLabels from './locales/pt/labels.json';
import ptUnravel from './locales/pt/unravel.json';
import roErrors from './locales/ro/errors.json';
import roLabels from './locales/ro/labels.json';
import roUnravel from './locales/ro/unravel.json';

/**
 * Namespaces: `errors` (keys are error reasons), `unravel` (explanations of unravel lines),
 * `labels` (names of kinds of hours and hour codes in a breakdown).
 */
export const resources: Resource = {
  nl: { errors: nlErrors, unravel: nlUnravel, labels: nlLabels },
  bg: { errors: bgErrors, unravel: bgUnravel, labels: bgLabels },
  de: { errors: deErrors, unravel: deUnravel, labels: deLabels },
  en: { errors: enErrors, unravel: enUnravel, labels: enLabels },
  hu: { errors: huErrors, unravel: huUnravel, labels: huLabels },
  pl: { errors: plErrors, unravel: plUnravel, labels: plLabels },
  pt: { errors: ptErrors, unravel: ptUnravel, labels: ptLabels },
  ro: { errors: roErrors, unravel: roUnravel, labels: roLabels },
};
