import { z } from 'zod';
import { en, it } from 'zod/v4/locales';

type LocaleMessage = ReturnType<ReturnType<typeof it>['localeError']>;
const text = (message: LocaleMessage): string => (typeof message === 'string' ? message : (message?.message ?? ''));

/**
 * Zod's own messages — where a schema gives none of its own (a wrong type, an unknown key, a value out
 * of a list) — in Italian, then English, as every other message of the API: "Input non valido: atteso
 * string, ricevuto vettore / Invalid input: expected string, received array". Once per process.
 */
export function setBilingualValidationMessages(): void {
  const italian = it().localeError;
  const english = en().localeError;
  z.config({ localeError: (issue) => `${text(italian(issue))} / ${text(english(issue))}` });
}
