import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api';
import type { CleanReport, DeviceCodePrompt, DriveEntry, DriveSource, ImportProgress, WorkspaceFile } from '../../shared/model';
import { useApi } from '../api/hooks';
import { CleanReportDialog } from '../components/CleanReport';
import { DeviceCodePanel } from '../components/DeviceCodePanel';
import { FileViewer } from '../components/FileViewer';
import { SendFiles } from '../components/SendFiles';
import { TouchKeyboard } from '../components/TouchKeyboard';

/** Long enough for any file name people search for; the api refuses more than 200 characters. */
const SEARCH_MAX_LENGTH = 100;

type Place = { kind: 'folder'; trail: { id: string | null; name: string }[] } | { kind: 'search'; text: string } | { kind: 'recent' };

const ROOT_TRAIL: { id: string | null; name: string }[] = [{ id: null, name: '' }];
const ROOT: Place = { kind: 'folder', trail: ROOT_TRAIL };
/** Drawn in CSS (a folder, or a page with its kind on it): emoji are missing from many kiosk fonts. */
const BADGE: Readonly<Record<DriveEntry['type'], string>> = { folder: '', image: 'IMG', pdf: 'PDF', document: 'DOC', other: 'FILE' };

function TypeMark({ type, small = false }: { type: DriveEntry['type']; small?: boolean }) {
  return (
    <span className={`mark mark--${type}${small ? ' mark--small' : ''}`} aria-hidden="true">
      {BADGE[type]}
    </span>
  );
}
const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

type SourceView = { source: DriveSource; available: boolean; account: string | null };

/** Under a drive's name: "not set up", or for a person's own drive who is signed in (or how to sign in). */
function SourceNote({ view }: { view: SourceView }) {
  const { t } = useTranslation();
  if (!view.available) return <span className="source__note">{t('files.notSetUp')}</span>;
  if (view.source !== 'my-onedrive') return null;
  return <span className="source__note">{view.account ?? t('files.personalHint')}</span>;
}

/** Main answers with codes: the sentence is in the room's language. */
function useErrorText() {
  const { t } = useTranslation();
  return useCallback((error: ApiError) => t(`error.${error.code}`, { defaultValue: t('error.generic') }), [t]);
}

function useSize() {
  const { t, i18n } = useTranslation();
  return (bytes: number) => {
    const unit = Math.min(UNITS.length - 1, Math.floor(Math.log(Math.max(bytes, 1)) / Math.log(1024)));
    const value = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / 1024 ** unit);
    return t(`files.size.${UNITS[unit] ?? 'B'}`, { value });
  };
}

/** An image's preview from its drive, fetched when its tile appears; null until then (and when there is none). */
function useThumbnail(source: DriveSource, entry: DriveEntry): string | null {
  const api = useApi();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (entry.type !== 'image') return;
    let live = true;
    void api.call('files.thumbnail', { source, entry }).then((result) => live && result.ok && setUrl(result.output.url));
    return () => {
      live = false;
    };
  }, [api, source, entry]);
  return url;
}

function EntryTile({ source, entry, onOpen, disabled }: { source: DriveSource; entry: DriveEntry; onOpen: (entry: DriveEntry) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const thumbnail = useThumbnail(source, entry);
  const size = useSize();
  const label = entry.kind === 'folder' ? entry.name : t('files.import', { name: entry.name });
  return (
    <li>
      <button type="button" className="tile" aria-label={label} disabled={disabled} onClick={() => onOpen(entry)}>
        {thumbnail ? <img className="tile__thumbnail" src={thumbnail} alt="" /> : <TypeMark type={entry.type} />}
        <span className="tile__name">{entry.name}</span>
        <span className="tile__meta">{entry.size === null ? t(`files.type.${entry.type}`) : `${t(`files.type.${entry.type}`)} · ${size(entry.size)}`}</span>
      </button>
    </li>
  );
}

function ImportBar({ name, progress }: { name: string; progress: ImportProgress | null }) {
  const { t } = useTranslation();
  const size = useSize();
  const total = progress?.total ?? null;
  const percent = total ? Math.round(((progress?.received ?? 0) / total) * 100) : null;
  return (
    <div className="import" role="status">
      <span>{t('files.importing', { name })}</span>
      <div className="import__bar" role="progressbar" aria-label={t('files.importing', { name })} aria-valuemin={0} aria-valuemax={100} {...(percent === null ? {} : { 'aria-valuenow': percent })}>
        <div className="import__fill" style={{ width: `${percent ?? 5}%` }} />
      </div>
      <span className="import__numbers">{progress ? `${size(progress.received)}${total ? ` / ${size(total)}` : ''}` : ''}</span>
    </div>
  );
}

interface WorkspaceListProps {
  files: WorkspaceFile[];
  selected: ReadonlySet<string>;
  onSelect: (file: WorkspaceFile) => void;
  onView: (file: WorkspaceFile) => void;
  onEdit: (file: WorkspaceFile) => void;
  onSend: () => void;
}

function WorkspaceList({ files, selected, onSelect, onView, onEdit, onSend }: WorkspaceListProps) {
  const { t } = useTranslation();
  return (
    <aside className="workspace" aria-labelledby="workspace-title">
      <h2 className="workspace__title" id="workspace-title">{t('files.imported')}</h2>
      {files.length === 0 ? <p className="muted">{t('files.noneImported')}</p> : null}
      <ul className="workspace__list">
        {files.map((file) => (
          <li key={file.id} className="workspace__item">
            <button type="button" className="button button--icon workspace__select" aria-label={t('files.select', { name: file.name })} aria-pressed={selected.has(file.id)} onClick={() => onSelect(file)}>
              <span aria-hidden="true">{selected.has(file.id) ? '✓' : ''}</span>
            </button>
            <span className="workspace__name"><TypeMark type={file.type} small />{file.name}</span>
            {file.type === 'image' || file.type === 'pdf' ? (
              <button type="button" className="button button--primary" aria-label={t('files.view', { name: file.name })} onClick={() => onView(file)}>{t('files.view', { name: '' }).trim()}</button>
            ) : null}
            {file.editable ? (
              <button type="button" className="button button--primary" aria-label={t('files.edit', { name: file.name })} onClick={() => onEdit(file)}>{t('files.edit', { name: '' }).trim()}</button>
            ) : null}
          </li>
        ))}
      </ul>
      {files.length > 0 ? (
        <button type="button" className="button button--primary button--large" disabled={selected.size === 0} onClick={onSend}>
          {t('files.sendSelected', { count: Math.max(selected.size, 1) })}
        </button>
      ) : null}
    </aside>
  );
}

/** Bring files from the room's drives onto the screen, open them, and leave nothing behind (End session). */
export function FilesScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [sources, setSources] = useState<SourceView[]>([]);
  const [personal, setPersonal] = useState<{ prompt: DeviceCodePrompt | null; failed: boolean } | null>(null);
  const [source, setSource] = useState<DriveSource | null>(null);
  const [place, setPlace] = useState<Place>(ROOT);
  const [entries, setEntries] = useState<DriveEntry[] | null>(null);
  const [query, setQuery] = useState('');
  // A kiosk has no keyboard and no OS keyboard pops up: tapping the field opens ours, searching closes it.
  const [typing, setTyping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState<{ entry: DriveEntry; progress: ImportProgress | null } | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceFile[]>([]);
  const [viewing, setViewing] = useState<{ file: WorkspaceFile; url: string } | null>(null);
  const [report, setReport] = useState<CleanReport | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [sendOpen, setSendOpen] = useState(false);
  const select = (file: WorkspaceFile) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(file.id)) next.add(file.id);
      return next;
    });

  const loadSources = useCallback(
    () =>
      api.call('files.sources', {}).then((r) => {
        if (!r.ok) return setError(errorText(r.error));
        setSources(r.output.sources);
        setSource((current) => current ?? r.output.sources.find((s) => s.available && (s.source !== 'my-onedrive' || s.account))?.source ?? null);
      }),
    [api, errorText],
  );

  useEffect(() => {
    void loadSources();
    const offPersonal = api.on('files.personal', (result) => {
      if ('error' in result) return setPersonal((current) => current && { ...current, failed: true });
      setPersonal(null);
      void loadSources();
      setSource('my-onedrive');
      setPlace(ROOT);
    });
    void api.call('files.workspace', {}).then((r) => r.ok && setWorkspace(r.output.files));
    const offProgress = api.on('files.progress', (progress) => setImporting((current) => (current && current.entry.id === progress.entryId ? { ...current, progress } : current)));
    const offEnded = api.on('files.ended', (ended) => {
      setWorkspace([]);
      setSelected(new Set());
      setSendOpen(false);
      setViewing(null);
      setSource(null);
      void loadSources();
      setReport(ended);
    });
    return () => {
      offPersonal();
      offProgress();
      offEnded();
    };
  }, [api, loadSources]);

  const load = useCallback(
    async (from: DriveSource, at: Place) => {
      setEntries(null);
      setError(null);
      const result =
        at.kind === 'folder'
          ? await api.call('files.list', { source: from, folderId: at.trail.at(-1)?.id ?? null })
          : at.kind === 'search'
            ? await api.call('files.search', { source: from, text: at.text })
            : await api.call('files.recent', { source: from });
      if (result.ok) setEntries(result.output.entries);
      else {
        setEntries([]);
        setError(errorText(result.error));
      }
    },
    [api, errorText],
  );

  useEffect(() => {
    if (source) void load(source, place);
  }, [source, place, load]);

  const chooseSource = async (next: SourceView) => {
    if (next.source === 'my-onedrive' && !next.account) {
      setPersonal({ prompt: null, failed: false });
      const result = await api.call('files.signInPersonal', {});
      if (result.ok) setPersonal({ prompt: result.output, failed: false });
      else setPersonal({ prompt: null, failed: true });
      return;
    }
    setSource(next.source);
    setPlace(ROOT);
  };

  const cancelPersonal = () => {
    void api.call('files.cancelPersonal', {});
    setPersonal(null);
  };

  const openEntry = async (entry: DriveEntry) => {
    if (!source) return;
    if (entry.kind === 'folder') {
      setPlace((current) => ({ kind: 'folder', trail: [...(current.kind === 'folder' ? current.trail : ROOT_TRAIL), { id: entry.id, name: entry.name }] }));
      return;
    }
    setImporting({ entry, progress: null });
    const result = await api.call('files.import', { source, entry });
    setImporting(null);
    if (result.ok) setWorkspace((files) => [...files, result.output]);
    else setError(errorText(result.error));
  };

  const view = async (file: WorkspaceFile) => {
    const result = await api.call('files.view', { id: file.id });
    if (result.ok) setViewing({ file, url: result.output.url });
    else setError(errorText(result.error));
  };

  const edit = async (file: WorkspaceFile) => {
    const result = await api.call('files.edit', { id: file.id });
    if (!result.ok) setError(errorText(result.error));
  };

  const endSession = async () => {
    const result = await api.call('files.endSession', {});
    if (!result.ok) return setError(errorText(result.error));
    setWorkspace([]);
    setSelected(new Set());
    setReport(result.output);
  };

  const search = (e: FormEvent) => {
    e.preventDefault();
    setTyping(false);
    if (query.trim()) setPlace({ kind: 'search', text: query.trim() });
  };

  const sourceName = source ? t(`files.source.${source}`) : '';
  return (
    <main className="screen files">
      <header className="files__header">
        <h1 className="headline">{t('files.title')}</h1>
        <div className="files__actions">
          <button type="button" className="button button--danger" onClick={() => void endSession()}>{t('files.endSession')}</button>
          <button type="button" className="button" onClick={onClose}>{t('files.back')}</button>
        </div>
      </header>
      <nav className="sources" aria-label={t('files.sources')}>
        {sources.map((view) => (
          <button key={view.source} type="button" className="source" aria-pressed={view.source === source} disabled={!view.available} onClick={() => void chooseSource(view)}>
            <span className="source__name">{t(`files.source.${view.source}`)}</span>
            <SourceNote view={view} />
          </button>
        ))}
      </nav>
      {error ? <p className="banner banner--alert" role="alert">{error}</p> : null}
      {importing ? <ImportBar name={importing.entry.name} progress={importing.progress} /> : null}
      <div className="files__body">
        {source ? (
          <section className="browser" aria-label={sourceName}>
            <div className="browser__bar">
              <nav className="trail" aria-label={t('files.home')}>
                {(place.kind === 'folder' ? place.trail : ROOT_TRAIL).map((crumb, i, trail) => (
                  <button key={`${crumb.id ?? 'root'}-${i}`} type="button" className="button button--quiet" aria-current={place.kind === 'folder' && i === trail.length - 1 ? 'page' : undefined} onClick={() => setPlace({ kind: 'folder', trail: trail.slice(0, i + 1) })}>
                    {crumb.id === null ? t('files.home') : crumb.name}
                  </button>
                ))}
              </nav>
              <button type="button" className="button" aria-pressed={place.kind === 'recent'} onClick={() => setPlace({ kind: 'recent' })}>{t('files.recent')}</button>
              <form className="search" role="search" onSubmit={search}>
                <input className="search__input" type="search" value={query} inputMode="none" autoComplete="off" spellCheck={false} maxLength={SEARCH_MAX_LENGTH} aria-label={t('files.searchLabel', { source: sourceName })} placeholder={t('files.searchLabel', { source: sourceName })} onFocus={() => setTyping(true)} onChange={(e) => setQuery(e.target.value.slice(0, SEARCH_MAX_LENGTH))} />
                <button type="submit" className="button">{t('files.search')}</button>
              </form>
            </div>
            {typing ? <TouchKeyboard value={query} onChange={setQuery} maxLength={SEARCH_MAX_LENGTH} /> : null}
            {place.kind === 'search' ? <h2 className="browser__heading">{t('files.searchResults', { text: place.text })}</h2> : null}
            {entries === null ? (
              <p className="lead" aria-busy="true">{t('files.loading')}</p>
            ) : entries.length === 0 ? (
              <p className="lead">{t('files.empty')}</p>
            ) : (
              <ul className="tiles">
                {entries.map((entry) => (
                  <EntryTile key={entry.id} source={source} entry={entry} disabled={importing !== null} onOpen={(e) => void openEntry(e)} />
                ))}
              </ul>
            )}
          </section>
        ) : (
          <p className="lead">{t('files.sources')}</p>
        )}
        <WorkspaceList files={workspace} selected={selected} onSelect={select} onView={(file) => void view(file)} onEdit={(file) => void edit(file)} onSend={() => setSendOpen(true)} />
      </div>
      {personal ? (
        <div className="dialog">
          <section className="dialog__body" role="dialog" aria-label={t('files.personalTitle')}>
            <h2 className="dialog__title">{t('files.personalTitle')}</h2>
            {personal.prompt ? <DeviceCodePanel deviceCode={personal.prompt} /> : null}
            {personal.failed ? <p className="banner banner--alert" role="alert">{t('files.personalFailed')}</p> : <p>{t('files.personalWhy')}</p>}
            <button type="button" className="button" onClick={cancelPersonal}>{t('files.cancel')}</button>
          </section>
        </div>
      ) : null}
      {sendOpen ? <SendFiles files={workspace.filter((file) => selected.has(file.id))} onClose={() => setSendOpen(false)} /> : null}
      {viewing ? <FileViewer file={viewing.file} url={viewing.url} onClose={() => setViewing(null)} /> : null}
      {report ? (
        <CleanReportDialog
          report={report}
          onDone={() => {
            setReport(null);
            onClose();
          }}
        />
      ) : null}
    </main>
  );
}
