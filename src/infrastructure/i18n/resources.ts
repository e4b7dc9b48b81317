/** Every translation file, imported statically so the build carries them. */
import { Resource } from 'i18next';
import nlErrors from './locales/nl/errors.json';
import nlUnravel from './locales/nl/unravel.json';
import bgErrors from './locales/bg/errors.json';
import bgUnravel from './locales/bg/unravel.json';
import deErrors from './locales/de/errors.json';
import deUnravel from './locales/de/unravel.json';
import enErrors from './locales/en/errors.json';
import enUnravel from './locales/en/unravel.json';
import huErrors from './locales/hu/errors.json';
import huUnravel from './locales/hu/unravel.json';
import plErrors from './locales/pl/errors.json';
import plUnravel from './locales/pl/unravel.json';
import ptErrors from './locales/pt/errors.json';
import ptUnravel from './locales/pt/unravel.json';
import roErrors from './locales/ro/errors.json';
import roUnravel from './locales/ro/unravel.json';

/** Namespaces: `errors` (keys are error reasons), `unravel` (explanations of unravel lines). */
export const resources: Resource = {
  nl: { errors: nlErrors, unravel: nlUnravel },
  bg: { errors: bgErrors, unravel: bgUnravel },
  de: { errors: deErrors, unravel: deUnravel },
  en: { errors: enErrors, unravel: enUnravel },
  hu: { errors: huErrors, unravel: huUnravel },
  pl: { errors: plErrors, unravel: plUnravel },
  pt: { errors: ptErrors, unravel: ptUnravel },
  ro: { errors: roErrors, unravel: roUnravel },
};
