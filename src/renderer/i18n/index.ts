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

/** "4:30 PM" where the language counts twelve hours, "09:30" where it counts twenty-four, as each writes it. */
function timeFormat(timeZone: string, language: string): Intl.DateTimeFormat {
  const twelveHours = new Intl.DateTimeFormat(language, { hour: 'numeric' }).resolvedOptions().hour12 === true;
  return new Intl.DateTimeFormat(language, { hour: twelveHours ? 'numeric' : '2-digit', minute: '2-digit', timeZone });
}

/** Times in the room's zone, formatted the way the room's language writes them. */
export function formatTime(iso: string, timeZone: string, language: string): string {
  return timeFormat(timeZone, language).format(new Date(iso));
}

export function formatDate(date: Date, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(date);
}

/** "10:00 – 11:00 AM": one range reads faster from the door than two full times. */
export function formatTimeRange(startIso: string, endIso: string, timeZone: string, language: string): string {
  return timeFormat(timeZone, language).formatRange(new Date(startIso), new Date(endIso));
}
