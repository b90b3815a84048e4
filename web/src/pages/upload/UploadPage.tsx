import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { ApiError } from '../../api/client.ts';
import { uploadTranscript } from '../../api/upload.ts';
import { navigate } from '../../router/router.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';

const ACCEPT = '.vtt,.srt,.txt,.json,text/vtt,text/plain,application/json';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A parser's complaint, with the file and line it points at. */
function ParseProblem({ error }: { error: ApiError }) {
  const { file, line, reason } = error.details as { file?: string; line?: number; reason?: string };
  return (
    <Notice tone="error" title="This transcript could not be read">
      <p>
        <strong>{file}</strong>, line <strong>{line}</strong>: {reason}
      </p>
      <p className="small muted">Nothing was stored. Fix the file and upload it again.</p>
    </Notice>
  );
}

/** Upload one transcript, with progress; the meeting page takes over once it is stored. */
export function UploadPage() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dragging, setDragging] = useState(false);

  const choose = (chosen: File | undefined) => {
    setFile(chosen ?? null);
    setError(null);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.set('file', file, file.name);
    if (title.trim()) form.set('title', title.trim());
    if (date) form.set('date', new Date(date).toISOString());
    setError(null);
    setProgress(0);
    try {
      const result = await uploadTranscript(form, setProgress);
      navigate(`/meetings/${result.meeting.id}`);
    } catch (e) {
      setError(e as ApiError);
      setProgress(null);
    }
  };

  const uploading = progress !== null;
  return (
    <div className="page upload-page">
      <PageHeader title="Upload a transcript" description="WebVTT, SRT, plain text (Name: text) or JSON segments, up to 50 MB. Confer indexes and summarises it in the background." />
      <form className="card card-pad upload-form" onSubmit={submit}>
        <div
          className={`dropzone${dragging ? ' dropzone-active' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <input ref={input} id="transcript-file" type="file" accept={ACCEPT} className="visually-hidden" onChange={(e) => choose(e.target.files?.[0])} disabled={uploading} />
          <p className="dropzone-title">{file ? file.name : 'Drop a transcript here'}</p>
          <p className="muted small">{file ? size(file.size) : 'or choose a file from this device'}</p>
          <label htmlFor="transcript-file" className="btn btn-secondary btn-small">
            {file ? 'Choose another file' : 'Choose file'}
          </label>
        </div>
        <div className="upload-fields">
          <TextField label="Title (optional)" hint="Taken from the file, or its name, when left empty." value={title} onChange={(e) => setTitle(e.target.value)} disabled={uploading} maxLength={300} />
          <TextField label="Started at (optional)" hint="Due dates like “by Friday” are resolved against it." type="datetime-local" value={date} onChange={(e) => setDate(e.target.value)} disabled={uploading} />
        </div>
        {uploading && (
          <div className="upload-progress">
            <label htmlFor="upload-progress" className="small muted">
              {progress < 1 ? `Uploading ${file?.name}… ${Math.round(progress * 100)}%` : 'Reading the transcript…'}
            </label>
            <progress id="upload-progress" max={1} value={progress} />
          </div>
        )}
        {error && (error.code === 'malformed_file' && error.details.line !== undefined ? <ParseProblem error={error} /> : <ProblemNotice error={error} action="upload the transcript" />)}
        <div className="page-header-actions">
          <Button type="submit" variant="primary" disabled={!file} busy={uploading}>
            Upload and summarise
          </Button>
          <ButtonLink to="/meetings" variant="ghost">
            Cancel
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}
