import pino from 'pino';
import { Logger } from '../../application/ports/logger';

/**
 * JSON lines on stdout; secrets that may pass through request logs are redacted. Written
 * synchronously, so that lines keep their order with the console and none is lost on exit.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { service: 'flexportal' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['authorization', 'password', '*.password', '*.token', '*.apiKey'], censor: '[redacted]' },
    },
    pino.destination({ dest: 1, sync: true }),
  );
}
