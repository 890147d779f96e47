import type { ReactNode } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import type { DeviceProblem } from './device-choices';

const titles: Record<DeviceProblem, string> = {
  blocked: 'Camera or microphone blocked',
  missing: 'No camera or microphone found',
  'in-use': 'Camera or microphone in use',
  other: "Camera or microphone didn't start",
};

const remedies: Record<DeviceProblem, string> = {
  blocked:
    'Your browser is not letting Assent use them. Click the camera or lock icon in the address bar, choose Allow for camera and microphone, then press Try again.',
  missing: 'Plug in a camera or headset, then press Try again.',
  'in-use': 'Another app is using them. Close it (another video call, for example), then press Try again.',
  other: 'Check your camera and microphone, then press Try again.',
};

/** Explains a device problem and how to fix it; joining without devices stays possible. */
export function DeviceProblemAlert({ problem, actions }: { problem: DeviceProblem; actions?: ReactNode }) {
  return (
    <ErrorAlert title={titles[problem]} actions={actions}>
      <p>{remedies[problem]}</p>
      <p>You can still join without them: the others will not see or hear you until you turn them on.</p>
    </ErrorAlert>
  );
}
