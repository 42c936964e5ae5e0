import { useTranslation } from 'react-i18next';
import { useNow } from '../api/hooks';
import { formatDate, formatTime } from '../i18n';

export function Clock({ timeZone }: { timeZone: string }) {
  const { i18n } = useTranslation();
  const now = useNow(1000);
  return (
    <div className="clock">
      <time className="clock__time" dateTime={now.toISOString()}>{formatTime(now.toISOString(), timeZone, i18n.language)}</time>
      <span className="clock__date">{formatDate(now, timeZone, i18n.language)}</span>
    </div>
  );
}
