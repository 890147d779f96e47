import { MediaDeviceFailure } from 'livekit-client';
import type { DeviceProblem } from './device-choices';

/** Classifies a getUserMedia / LiveKit device error into what the person can do about it. */
export function classifyDeviceError(error: unknown): DeviceProblem {
  switch (MediaDeviceFailure.getFailure(error)) {
    case MediaDeviceFailure.PermissionDenied:
      return 'blocked';
    case MediaDeviceFailure.NotFound:
      return 'missing';
    case MediaDeviceFailure.DeviceInUse:
      return 'in-use';
    default:
      return error instanceof DOMException && error.name === 'NotAllowedError' ? 'blocked' : 'other';
  }
}
