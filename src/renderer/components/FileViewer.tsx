import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceFile } from '../../shared/model';

const MIN_ZOOM = 0.5;
const MAX_ZOOM = 6;
const clampZoom = (zoom: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

interface View {
  zoom: number;
  x: number;
  y: number;
}

const FIT: View = { zoom: 1, x: 0, y: 0 };

/**
 * Pinch to zoom and drag to pan with any number of fingers, from pointer events (touch, pen and mouse alike); the
 * buttons do the same for anyone who cannot pinch.
 */
function usePinchPan() {
  const [view, setView] = useState<View>(FIT);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const spread = () => {
    const [a, b] = [...pointers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : null;
  };
  const onPointerDown = (e: PointerEvent) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
  };
  const onPointerMove = (e: PointerEvent) => {
    const last = pointers.current.get(e.pointerId);
    if (!last) return;
    const before = spread();
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const after = spread();
    if (before !== null && after !== null && before > 0) setView((v) => ({ ...v, zoom: clampZoom(v.zoom * (after / before)) }));
    else setView((v) => ({ ...v, x: v.x + e.clientX - last.x, y: v.y + e.clientY - last.y }));
  };
  const onPointerUp = (e: PointerEvent) => {
    pointers.current.delete(e.pointerId);
  };
  const zoomBy = (factor: number) => setView((v) => ({ ...v, zoom: clampZoom(v.zoom * factor) }));
  return { view, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp }, zoomBy, reset: () => setView(FIT) };
}

/** Decodes the data: URL into a blob: URL, which the PDF viewer frame can load (the CSP allows blob: frames only). */
function blobUrlOf(dataUrl: string): string {
  const [head, base64] = dataUrl.split(',', 2);
  const mime = /^data:([^;]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(base64 ?? ''), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mime }));
}

/** Full-screen viewer for an imported image (pinch/pan) or PDF (the browser's own PDF viewer, which zooms itself). */
export function FileViewer({ file, url, onClose }: { file: WorkspaceFile; url: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { view, handlers, zoomBy, reset } = usePinchPan();
  const [pdfUrl] = useState(() => (file.type === 'pdf' ? blobUrlOf(url) : null));
  const close = () => {
    if (pdfUrl) URL.revokeObjectURL(pdfUrl);
    onClose();
  };
  return (
    <div className="viewer" role="dialog" aria-modal="true" aria-label={file.name}>
      <header className="viewer__bar">
        <h2 className="viewer__title">{file.name}</h2>
        {file.type === 'image' ? (
          <div className="viewer__zoom">
            <button type="button" className="button" onClick={() => zoomBy(1 / 1.5)}>{t('files.zoomOut')}</button>
            <output className="viewer__level" aria-live="polite">{t('files.zoomLevel', { percent: Math.round(view.zoom * 100) })}</output>
            <button type="button" className="button" onClick={() => zoomBy(1.5)}>{t('files.zoomIn')}</button>
            <button type="button" className="button button--quiet" onClick={reset}>{t('files.zoomReset')}</button>
          </div>
        ) : null}
        <button type="button" className="button button--primary" onClick={close}>{t('files.closeViewer')}</button>
      </header>
      {pdfUrl ? (
        <iframe className="viewer__pdf" src={pdfUrl} title={file.name} />
      ) : (
        <div className="viewer__stage" {...handlers}>
          <img
            className="viewer__image"
            src={url}
            alt={file.name}
            draggable={false}
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }}
          />
        </div>
      )}
    </div>
  );
}
