/** Every translation file, imported statically so the build carries them. */
import { Resource } from 'i18next';
import nlErrors from './locales/nl/errors.json';
import bgErrors from './locales/bg/errors.json';
import deErrors from './locales/de/errors.json';
import enErrors from './locales/en/errors.json';
import huErrors from './locales/hu/errors.json';
import plErrors from './locales/pl/errors.json';
import ptErrors from './locales/pt/errors.json';
import roErrors from './locales/ro/errors.json';

export const resources: Resource = {
  nl: { errors: nlErrors },
  bg: { errors: bgErrors },
  de: { errors: deErrors },
  en: { errors: enErrors },
  hu: { errors: huErrors },
  pl: { errors: plErrors },
  pt: { errors: ptErrors },
  ro: { errors: roErrors },
};
