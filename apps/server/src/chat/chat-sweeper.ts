/** The chat log as the vault's sweep sees it: one named data class, destroyed past its retention. */
import type { DataClassSweeper } from '../vault/vault';
import { type ChatLifetimeDeps, chatLogDataClass, destroyExpiredChat } from './chat-lifetime';

export function chatLogSweeper(deps: ChatLifetimeDeps): DataClassSweeper {
  return {
    dataClass: chatLogDataClass,
    plural: 'chat logs',
    sweep: (at) => destroyExpiredChat(deps, at),
  };
}
