import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../http/error-handling';

export const concernRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
