import '@livekit/components-styles';
import { createRoot } from 'react-dom/client';
import { layoutParams } from './layout-details';
import { RecordingLayout } from './RecordingLayout';
import './recording-layout.css';

const root = document.getElementById('root');
if (!root) throw new Error('recording-layout/index.html has no #root element');
const params = layoutParams(window.location.search);

if (params) {
  // No StrictMode: its double effects would join the room twice, and egress ends a recording whose page leaves.
  createRoot(root).render(<RecordingLayout params={params} />);
} else {
  // Egress reads a div.error's text as the reason the page failed, once, as soon as the page has loaded:
  // written straight away, not in a render React may schedule after that.
  const error = document.createElement('div');
  error.className = 'error';
  error.textContent = 'The recording page was opened without a LiveKit address and token.';
  root.replaceChildren(error);
}
