import '@livekit/components-styles';
import { createRoot } from 'react-dom/client';
import { layoutParams } from './layout-details';
import { RecordingLayout } from './RecordingLayout';
import './recording-layout.css';

const root = document.getElementById('root');
if (!root) throw new Error('recording-layout/index.html has no #root element');
const params = layoutParams(window.location.search);

// No StrictMode: its double effects would join the room twice, and egress ends a recording whose page leaves.
createRoot(root).render(
  params ? (
    <RecordingLayout params={params} />
  ) : (
    // Egress reads this element's text as the reason the page failed.
    <div className="error">The recording page was opened without a LiveKit address and token.</div>
  ),
);
