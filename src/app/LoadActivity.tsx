import { useState } from 'react';
import { formatBytes } from '../core/units/bytes';
import { useSnapshots, type LoadError, type LoadTask } from '../store/snapshots';
import { AlertIcon, CloseIcon, CopyIcon } from '../ui/icons';
import { cancelTask } from '../actions/loading';

function progressText(t: LoadTask): string {
  if (t.unit === 'files') return t.total > 1 ? `${t.done + 1} of ${t.total}` : '';
  if (t.done === 0) return 'connecting…';
  return t.total ? `${formatBytes(t.done)} of ${formatBytes(t.total)}` : formatBytes(t.done);
}

function TaskRow({ task }: { task: LoadTask }) {
  const determinate = task.total > 0 && (task.unit === 'bytes' || task.total > 1);
  return (
    <div className="task" role="status" aria-live="polite">
      <div className="task-line">
        <span className="spinner" aria-hidden="true" />
        <span className="task-label" title={task.label}>
          {task.label}
        </span>
        <span className="task-progress">{progressText(task)}</span>
        {task.cancellable && (
          <button className="button small" onClick={() => cancelTask(task.id)}>
            Cancel
          </button>
        )}
      </div>
      <div className={determinate ? 'progress' : 'progress indeterminate'}>
        <div className="progress-fill" style={determinate ? { width: `${Math.min(100, (task.done / task.total) * 100)}%` } : undefined} />
      </div>
    </div>
  );
}

function CopyCommand({ command }: { command: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="command">
      <code>{command}</code>
      <button
        className="icon"
        title="Copy"
        aria-label="Copy command"
        onClick={() =>
          void navigator.clipboard?.writeText(command).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          })
        }
      >
        {copied ? '✓' : <CopyIcon />}
      </button>
    </div>
  );
}

function ErrorRow({ error }: { error: LoadError }) {
  const dismiss = useSnapshots((s) => s.dismissError);
  return (
    <li className="load-error">
      <div className="load-error-head">
        <span className="load-error-name" title={error.name}>
          {error.name}
        </span>
        <button className="icon" title="Dismiss" aria-label={`Dismiss the error for ${error.name}`} onClick={() => dismiss(error.id)}>
          <CloseIcon />
        </button>
      </div>
      <div className="load-error-message">{error.message}</div>
      {error.remedy && (
        <div className="remedy">
          <div>{error.remedy.text}</div>
          {error.remedy.commands.map((c) => (
            <CopyCommand key={c} command={c} />
          ))}
        </div>
      )}
    </li>
  );
}

/** Loads in progress and inputs that failed, each with its own reason. */
export function LoadActivity() {
  const tasks = useSnapshots((s) => s.tasks);
  const errors = useSnapshots((s) => s.errors);
  const olderErrors = useSnapshots((s) => s.olderErrors);
  const dismissAll = useSnapshots((s) => s.dismissErrors);
  if (tasks.length === 0 && errors.length === 0) return null;
  return (
    <div className="load-activity">
      {tasks.map((t) => (
        <TaskRow key={t.id} task={t} />
      ))}
      {errors.length > 0 && (
        <section className="load-errors" role="alert" aria-label="Load errors">
          <div className="load-errors-head">
            <AlertIcon />
            <span>
              {errors.length === 1 ? '1 input failed to load' : `${errors.length} inputs failed to load`}
              {olderErrors > 0 && <span className="muted"> · {olderErrors.toLocaleString('en-US')} older failures not listed</span>}
            </span>
            {errors.length > 1 && (
              <button className="link" onClick={dismissAll}>
                Dismiss all
              </button>
            )}
          </div>
          <ul>
            {errors.map((e) => (
              <ErrorRow key={e.id} error={e} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
