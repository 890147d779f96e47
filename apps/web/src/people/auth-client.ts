/**
 * better-auth's browser client with its passkey plugin. Import it only with `import()` from the pages
 * that use passkeys: it and @simplewebauthn stay out of the home and join pages' first load.
 */
import { passkeyClient } from '@better-auth/passkey/client';
import { createAuthClient } from 'better-auth/client';

export const authClient = createAuthClient({
  basePath: '/api/auth',
  plugins: [passkeyClient()],
});
