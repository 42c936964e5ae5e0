import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/model';

/** Main sends codes, not prose: the sentence is in the room's language. */
export function NoticeBanner({ notice }: { notice: Notice | null }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <p className="notice" role="alert" data-code={notice.code}>
      <span aria-hidden="true" className="notice__icon">!</span>
      {t(`notice.${notice.code}`, { defaultValue: t('error.generic') })}
    </p>
  );
}
