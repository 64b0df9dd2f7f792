// 视听资料: audio and video stream from the blob store (HTTP Range), with a timeline that carries the
// case's time notes as markers. Space plays/pauses, ←/→ step 5 s; "在此处添加批注" notes the
// current position. Clicking a marker (or a note in the list) seeks there.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from 'antd';
import { AudioOutlined, BackwardOutlined, CaretRightOutlined, EditOutlined, ForwardOutlined, PauseOutlined } from '@ant-design/icons';
import type { Annotation } from '../../../../shared/api/evidence';
import type { CaseItem } from '../../casefile/items';
import type { Reveal } from '../../workspace/reveal';
import { useAnnotations } from '../../annotations/AnnotationsContext';
import { AnnotationForm, type AnnotationValues } from '../../annotations/AnnotationForm';
import { errorText } from '../../lib/errors';
import { formatSeconds } from '../../lib/time';
import { isTypingTarget } from '../../lib/keys';
import { ToolButton } from '../ToolButton';
import { ViewerError } from '../ViewerMessage';
import { MediaTimeline } from './MediaTimeline';
import { TimeNotes } from './TimeNotes';
import { ExportOriginal } from '../ExportOriginal';
import './media.css';
import { shortcutTip } from '../../lib/shortcuts';

interface Props {
  item: CaseItem;
  url: string;
  kind: 'audio' | 'video';
  reveal?: Reveal | null;
}

const NONE: Annotation[] = [];

export function MediaViewer({ item, url, kind, reveal }: Props) {
  const media = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [failed, setFailed] = useState(false);
  const [adding, setAdding] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const store = useAnnotations();
  const canNote = Boolean(store && !item.derived);
  const notes = (store?.byItem.get(item.id) ?? NONE).filter((a) => a.anchor.type === 'time');

  // A WebM written by a recorder (MediaRecorder, many body cameras) stores no duration: the element
  // says Infinity until it has read to the end. Seeking far past the end makes it do so; then back
  // to where the reviewer was. Until then the clock shows --:-- rather than a false 0:00.
  const probing = useRef<number | null>(null);
  const metadata = () => {
    const el = media.current;
    if (!el) return;
    if (el.duration === Infinity && probing.current === null) {
      probing.current = el.currentTime;
      el.currentTime = Number.MAX_SAFE_INTEGER;
      return;
    }
    setDuration(el.duration);
  };
  const durationChange = () => {
    const el = media.current;
    if (!el) return;
    if (probing.current !== null && Number.isFinite(el.duration)) {
      const back = probing.current;
      probing.current = null;
      el.currentTime = back;
      setTime(back);
    }
    setDuration(el.duration);
  };

  const seek = (seconds: number) => {
    const el = media.current;
    if (!el) return;
    if (probing.current !== null) {
      // The length is still being read: go there once it is known.
      probing.current = Math.max(0, seconds);
      setTime(probing.current);
      return;
    }
    el.currentTime = Math.max(0, Math.min(seconds, Number.isFinite(el.duration) ? el.duration : seconds));
    setTime(el.currentTime);
  };
  const toggle = () => {
    const el = media.current;
    if (!el) return;
    if (el.paused) void el.play().catch(() => setFailed(true));
    else el.pause();
  };

  const handled = useRef(0);
  useEffect(() => {
    if (!reveal || reveal.seq === handled.current) return;
    handled.current = reveal.seq;
    if (reveal.seconds !== undefined) seek(reveal.seconds);
    if (reveal.annotationId) setFlashId(reveal.annotationId);
  }, [reveal]);
  useEffect(() => {
    if (!flashId) return;
    const t = window.setTimeout(() => setFlashId(null), 2000);
    return () => window.clearTimeout(t);
  }, [flashId]);

  const addNote = async (values: AnnotationValues) => {
    if (!store || adding === null) return;
    setBusy(true);
    setFormError(null);
    try {
      await store.create({ itemId: item.id, kind: 'note', anchor: { type: 'time', seconds: Math.round(adding * 10) / 10 }, note: values.note, reviewPoint: values.reviewPoint });
      setAdding(null);
    } catch (err) {
      setFormError(errorText(err, '批注未能保存，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isTypingTarget(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
    const onControl = e.target instanceof HTMLButtonElement || (e.target instanceof HTMLElement && e.target.getAttribute('role') === 'slider');
    if (e.key === ' ' && !onControl) toggle();
    else if (e.key === 'ArrowLeft' && !onControl) seek(time - 5);
    else if (e.key === 'ArrowRight' && !onControl) seek(time + 5);
    else return;
    e.preventDefault();
  };

  if (failed) return <ViewerError title={`无法播放“${item.title}”`} text="工作台不支持该音视频的格式或编码（如 H.265），或文件内容无法解码。可导出原件，用本机播放器打开。" extra={<ExportOriginal item={item} />} />;

  const events = {
    onPlay: () => setPlaying(true),
    onPause: () => setPlaying(false),
    onEnded: () => setPlaying(false),
    // While the length is probed the position is far past the end; the reviewer's stays shown.
    onTimeUpdate: () => probing.current === null && setTime(media.current?.currentTime ?? 0),
    onLoadedMetadata: metadata,
    onDurationChange: durationChange,
    onError: () => setFailed(true),
  };
  return (
    <div className="viewer media-viewer" onKeyDown={onKeyDown} data-testid="media-viewer" data-kind={kind}>
      <div className="viewer-toolbar" role="toolbar" aria-label="播放工具栏">
        <ToolButton label={playing ? shortcutTip('mediaPlay', '暂停') : shortcutTip('mediaPlay', '播放')} icon={playing ? <PauseOutlined /> : <CaretRightOutlined />} onClick={toggle} testId="media-play" />
        <ToolButton label={shortcutTip('mediaSeek', '后退 5 秒')} icon={<BackwardOutlined />} onClick={() => seek(time - 5)} />
        <ToolButton label={shortcutTip('mediaSeek', '前进 5 秒')} icon={<ForwardOutlined />} onClick={() => seek(time + 5)} />
        <span className="small num media-clock" data-testid="media-clock">
          {formatSeconds(time)} / {Number.isFinite(duration) && duration > 0 ? formatSeconds(duration) : '--:--'}
        </span>
        <span className="spacer" />
        {canNote && (
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            onClick={() => {
              media.current?.pause();
              setFormError(null);
              setAdding(media.current?.currentTime ?? time);
            }}
            aria-label="在此处添加批注"
            data-testid="media-add-note"
          >
            <span className="tb-label">在此处添加批注</span>
          </Button>
        )}
      </div>
      <div className="media-stage" tabIndex={-1}>
        {kind === 'video' ? (
          <video ref={media} src={url} preload="metadata" aria-label={item.title} onClick={toggle} {...events} />
        ) : (
          <div className="audio-card">
            <AudioOutlined aria-hidden className="audio-icon" />
            <div className="audio-title">{item.title}</div>
            <audio ref={media} src={url} preload="metadata" aria-label={item.title} {...events} />
          </div>
        )}
      </div>
      <MediaTimeline time={time} duration={duration} notes={notes} flashId={flashId} onSeek={seek} />
      {adding !== null && (
        <div className="media-note-form">
          <div className="small muted">
            在 <span className="num">{formatSeconds(adding)}</span> 处添加批注
          </div>
          <AnnotationForm busy={busy} error={formError} saveLabel="保存批注" onSave={(v) => void addNote(v)} onCancel={() => setAdding(null)} />
        </div>
      )}
      {notes.length > 0 && <TimeNotes notes={notes} flashId={flashId} onSeek={seek} />}
    </div>
  );
}
