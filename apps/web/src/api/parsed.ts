import { ApiError, type JsonRequestInit, requestJson } from './client';

/** Any zod schema (structurally), so this module does not pull zod in itself. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** The answer, checked against its shared schema: a server speaking another version fails here, not in a page. */
export async function requestParsed<T>(schema: Schema<T>, url: string, init?: JsonRequestInit): Promise<T> {
  const parsed = schema.safeParse(await requestJson<unknown>(url, init));
  if (!parsed.success) throw new ApiError('internal', 'The server’s answer could not be read.');
  return parsed.data;
}
