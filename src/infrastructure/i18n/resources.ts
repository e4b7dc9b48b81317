/** Every translation file, imported statically so the build carries them. */
import { Resource } from 'i18next';
import nlErrors from './locales/nl/errors.json';
import nlLabels from './locales/nl/labels.json';
import nlUnravel from './locales/nl/unravel.json';
import nlMail from './locales/nl/mail.json';
import nlSigning from './locales/nl/signing.json';
import bgErrors from './locales/bg/errors.json';
import bgLabels from './locales/bg/labels.json';
import bgUnravel from './locales/bg/unravel.json';
import bgMail from './locales/bg/mail.json';
import bgSigning from './locales/bg/signing.json';
import deErrors from './locales/de/errors.json';
import deLabels from './locales/de/labels.json';
import deUnravel from './locales/de/unravel.json';
import deMail from './locales/de/mail.json';
import deSigning from './locales/de/signing.json';
import enErrors from './locales/en/errors.json';
import enLabels from './locales/en/labels.json';
import enUnravel from './locales/en/unravel.json';
import enMail from './locales/en/mail.json';
import enSigning from './locales/en/signing.json';
import huErrors from './locales/hu/errors.json';
import huLabels from './locales/hu/labels.json';
import huUnravel from './locales/hu/unravel.json';
import huMail from './locales/hu/mail.json';
import huSigning from './locales/hu/signing.json';
import plErrors from './locales/pl/errors.json';
import plLabels from './locales/pl/labels.json';
import plUnravel from './locales/pl/unravel.json';
import plMail from './locales/pl/mail.json';
import plSigning from './locales/pl/signing.json';
import ptErrors from './locales/pt/errors.json';
import ptLabels from './locales/pt/labels.json';
import ptUnravel from './locales/pt/unravel.json';
import ptMail from './locales/pt/mail.json';
import ptSigning from './locales/pt/signing.json';
import roErrors from './locales/ro/errors.json';
import roLabels from './locales/ro/labels.json';
import roUnravel from './locales/ro/unravel.json';
import roMail from './locales/ro/mail.json';
import roSigning from './locales/ro/signing.json';

/**
 * Namespaces: `errors` (keys are error reasons), `unravel` (explanations of unravel lines),
 * `labels` (names of kinds of hours and hour codes in a breakdown), `mail` (the mails' templates), `signing` (the consent statement of a signature, per version).
 */
export const resources: Resource = {
  nl: { errors: nlErrors, unravel: nlUnravel, labels: nlLabels, mail: nlMail, signing: nlSigning },
  bg: { errors: bgErrors, unravel: bgUnravel, labels: bgLabels, mail: bgMail, signing: bgSigning },
  de: { errors: deErrors, unravel: deUnravel, labels: deLabels, mail: deMail, signing: deSigning },
  en: { errors: enErrors, unravel: enUnravel, labels: enLabels, mail: enMail, signing: enSigning },
  hu: { errors: huErrors, unravel: huUnravel, labels: huLabels, mail: huMail, signing: huSigning },
  pl: { errors: plErrors, unravel: plUnravel, labels: plLabels, mail: plMail, signing: plSigning },
  pt: { errors: ptErrors, unravel: ptUnravel, labels: ptLabels, mail: ptMail, signing: ptSigning },
  ro: { errors: roErrors, unravel: roUnravel, labels: roLabels, mail: roMail, signing: roSigning },
};
