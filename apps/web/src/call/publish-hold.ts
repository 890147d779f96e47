// Rule 5 on the call page: someone who joins a running recording without having consented may not
// publish until they consent or it stops. The server says so in their token and lifts (or, for a token
// minted just before the recording began, imposes) it through LiveKit's participant permissions. While
// held, nothing is attempted, so no error is shown; once allowed, camera and microphone come back as the
// person last had them. Free of React and LiveKit, like withdrawal.ts: the hook wires in the room.
import type { MediaState } from './withdrawal';

export type MediaKind = keyof MediaState;

export interface PublishHoldDeps {
  /** Whether publishing was allowed when the call was joined (the join response says). */
  allowedAtJoin: boolean;
  /** What the person chose on the join page. */
  chosen: MediaState;
  setMedia: (media: MediaState) => Promise<void>;
  onHeld: (held: boolean) => void;
  /** False while something else keeps media off (an unconfirmed or refused withdrawal, rule 8). */
  mayTurnOn: () => boolean;
}

export interface PublishHold {
  /** LiveKit reported this participant's canPublish (on connect and on every change). */
  permissionChanged: (canPublish: boolean) => void;
  /**
   * The person turned a device on or off while allowed to publish. LiveKit taking tracks away when it
   * revokes publishing is not a choice and must not be reported here.
   */
  mediaChosen: (kind: MediaKind, on: boolean) => void;
  /** The call page is gone: never touch media again. */
  dispose: () => void;
}

export function createPublishHold(deps: PublishHoldDeps): PublishHold {
  let held = !deps.allowedAtJoin;
  let disposed = false;
  const wanted: MediaState = { ...deps.chosen };
  return {
    permissionChanged(canPublish) {
      if (disposed || held === !canPublish) return;
      held = !canPublish;
      deps.onHeld(held);
      if (held || !deps.mayTurnOn()) return;
      if (!wanted.camera && !wanted.microphone) return;
      void deps.setMedia({ ...wanted }).catch(() => {
        // A device that fails now is reported by the room's MediaDevicesError like any other.
      });
    },
    mediaChosen(kind, on) {
      if (!disposed && !held) wanted[kind] = on;
    },
    dispose() {
      disposed = true;
    },
  };
}
