import { useTranslation } from 'react-i18next';
import type { CleanReport } from '../../shared/model';

/** "The room is clean": what the end of the session removed, so the next people can trust the screen. */
export function CleanReportDialog({ report, onDone }: { report: CleanReport; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog">
      <section className="dialog__body clean" role="alertdialog" aria-labelledby="clean-title">
        <h2 className="dialog__title" id="clean-title">
          <span aria-hidden="true">✓ </span>
          {t('files.cleanTitle')}
        </h2>
        <p>{report.files.length > 0 ? t('files.cleanFiles', { count: report.files.length }) : t('files.cleanNoFiles')}</p>
        {report.files.length > 0 ? (
          <ul className="clean__files" aria-label={t('files.cleanFiles', { count: report.files.length })}>
            {report.files.map((name, i) => (
              <li key={`${i}-${name}`}>{name}</li>
            ))}
          </ul>
        ) : null}
        {report.windows > 0 ? <p>{t('files.cleanWindows', { count: report.windows })}</p> : null}
        <p>{report.connections.length > 0 ? t('files.cleanConnections', { names: report.connections.join(', ') }) : t('files.cleanNoConnections')}</p>
        <button type="button" className="button button--primary button--large" onClick={onDone}>{t('files.cleanDone')}</button>
      </section>
    </div>
  );
}
