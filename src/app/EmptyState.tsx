import { UploadIcon } from '../ui/icons';
import { LoadActivity } from './LoadActivity';
import { loadDemo } from '../actions/loading';
import { OpenButtons } from './OpenButtons';

/** The page with nothing loaded: every way in, and the demo. */
export function EmptyState() {
  return (
    <div className="empty">
      <div className="empty-card">
        <div className="dropzone">
          <UploadIcon />
          <h1>Open Go goroutine profiles</h1>
          <p>
            Drop files or a whole folder of snapshots anywhere on this page: <code>pprof.*.goroutine.NNN.pb.gz</code>, <code>debug=1</code> and{' '}
            <code>debug=2</code> text, panic dumps, and any other pprof profile.
          </p>
          <OpenButtons large />
        </div>
        <div className="empty-demo">
          <button className="button primary" onClick={() => void loadDemo()}>
            Open demo
          </button>
          <span>40 snapshots of an order service with two goroutine leaks.</span>
        </div>
        <LoadActivity />
        <div className="empty-tips">
          <div>
            Capture a snapshot: <code>curl -o pprof.goroutine.001.pb.gz http://localhost:6060/debug/pprof/goroutine</code>
          </div>
          <div>
            Or let <code>npx parkview http://localhost:6060/debug/pprof/goroutine</code> fetch it and open it here.
          </div>
          <div>Everything stays in this browser tab: nothing is uploaded. Press <kbd>?</kbd> for keyboard shortcuts.</div>
        </div>
      </div>
    </div>
  );
}
