/** What the person chose on the join page, carried into the call. */
export interface DeviceChoices {
  audioEnabled: boolean;
  videoEnabled: boolean;
  audioDeviceId: string | undefined;
  videoDeviceId: string | undefined;
}

export const defaultDeviceChoices: DeviceChoices = {
  audioEnabled: true,
  videoEnabled: true,
  audioDeviceId: undefined,
  videoDeviceId: undefined,
};

/** Why the browser gave us no camera or microphone, in the words the page uses. */
export type DeviceProblem = 'blocked' | 'missing' | 'in-use' | 'other';
