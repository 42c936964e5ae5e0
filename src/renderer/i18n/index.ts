import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { it } from './it';

export const supportedLanguages = ['en', 'it'] as const;

/** IT's choice wins; `auto` follows the PC (or a `?lang=` for testing the web host). */
export function preferredLanguage(configured = 'auto'): string {
  const asked = configured !== 'auto' ? configured : (new URLSearchParams(window.location.search).get('lang') ?? navigator.language);
  const base = asked.slice(0, 2).toLowerCase();
  return (supportedLanguages as readonly string[]).includes(base) ? base : 'en';
}

export async function initI18n(configured = 'auto'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, it: { translation: it } },
    lng: preferredLanguage(configured),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

/**
 * Times in the room's zone, the way the room's language writes them: `timeStyle: 'short'` gives "4:11 PM" in English
 * and "16:11" in Italian, and the same digits in a single time and in a range (a fixed `2-digit` hour showed
 * "05:30 PM" in the status bar next to "5:30 – 6:15 PM" in the list).
 */
function shortTime(timeZone: string, language: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone });
}

export function formatTime(iso: string, timeZone: string, language: string): string {
  return shortTime(timeZone, language).format(new Date(iso));
}

export function formatDate(date: Date, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(date);
}

/** "10:00 – 11:00 AM": one range reads faster from the door than two full times. */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string, language: string): string {
  return shortTime(timeZone, language).formatRange(new Date(startIso), new Date(endIso));
}
