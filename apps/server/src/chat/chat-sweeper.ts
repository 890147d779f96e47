/**
 * The chat log as the vault's sweep sees it: one named data class. Each sweep first catches up the
 * "erase" withdrawal rule (a crash, or a report's hold that ended), then destroys chat logs past retention.
 */
import type { DataClassSweeper } from '../vault/vault';
import { type ChatLifetimeDeps, chatLogDataClass, destroyExpiredChat } from './chat-lifetime';
import { eraseWithdrawnChat, sessionsWithChatToErase } from './chat-withdrawal-erase';

export function chatLogSweeper(deps: ChatLifetimeDeps & { now: () => Date }): DataClassSweeper {
  return {
    dataClass: chatLogDataClass,
    plural: 'chat logs',
    async sweep(at) {
      for (const sessionId of await sessionsWithChatToErase(deps.db))
        await eraseWithdrawnChat(deps, sessionId);
      return destroyExpiredChat(deps, at);
    },
  };
}
